// Implements: QEMU 7.2 hw/pci/msix.c as functions over a PciDevice (pci.md §4): msix_init's argument checks and
// capability, msix_init_exclusive_bar's BAR layout, the table and PBA as MMIO regions inside a BAR (MsixTableOps,
// MsixPbaOps), msix_write_config (function mask / Enable, INTx deassert), msix_reset, msix_uninit, and
// msix_save/msix_load as the "msix" state section. Vector-level logic is in Msix.Vectors.cs.
// Nemu additions: Enable transitions are reported to the machine's IPciInterruptObserver (seed 004); reset also
// recomputes the function mask (QEMU 7.2 leaves msix_function_masked stale after reset of an enabled function,
// so an entry unmasked while disabled would fire; Nemu keeps every vector masked until Enable).
// Not modelled: msi_nonbroken, Xen event-channel snooping, msix_prepare_message overrides.
using Nemu.Memory;

namespace Nemu.Pci;

/// <summary>MSI-X (PCI 3.0 §6.8.2) for a <see cref="PciDevice"/>.</summary>
public static partial class Msix
{
    /// <summary>
    /// Adds an MSI-X capability (msix_init) with <paramref name="vectors"/> entries; the table at
    /// <paramref name="tableOffset"/> of <paramref name="tableBar"/>'s region and the PBA at <paramref name="pbaOffset"/>
    /// of <paramref name="pbaBar"/>'s region. Returns the capability offset, or -1 with <paramref name="error"/> set.
    /// </summary>
    public static int Init(PciDevice device, int vectors, MemoryRegion tableBar, int tableBarIndex, uint tableOffset,
        MemoryRegion pbaBar, int pbaBarIndex, uint pbaOffset, int capOffset, out string? error)
    {
        if (vectors < 1 || vectors > MsixRegisters.MaxVectors)
        {
            error = "The number of MSI-X vectors is invalid";
            return -1;
        }

        if ((uint)tableBarIndex > 5 || (uint)pbaBarIndex > 5)
        {
            error = "MSI-X table and PBA BAR indices must be 0 to 5";
            return -1;
        }

        var tableSize = (ulong)vectors * MsixRegisters.EntrySize;
        var pbaSize = (ulong)MsixRegisters.PbaSize(vectors);
        var overlap = tableBarIndex == pbaBarIndex && tableOffset < pbaOffset + pbaSize && pbaOffset < tableOffset + tableSize;
        if (overlap || tableOffset + tableSize > tableBar.Size || pbaOffset + pbaSize > pbaBar.Size
            || ((tableOffset | pbaOffset) & MsixRegisters.BirMask) != 0)
        {
            error = "table & pba overlap, or they don't fit in BARs, or don't align";
            return -1;
        }

        var cap = device.AddCapability(PciConfig.CapIdMsix, capOffset, MsixRegisters.CapLength, out error);
        if (cap < 0)
        {
            return -1;
        }

        var state = new MsixState(device, cap, vectors)
        {
            TableBar = tableBar,
            PbaBar = pbaBar,
        };
        device.MsixState = state;
        device.SetWord(cap + MsixRegisters.Flags, (ushort)(vectors - 1));
        device.SetLong(cap + MsixRegisters.Table, tableOffset | (uint)tableBarIndex);
        device.SetLong(cap + MsixRegisters.Pba, pbaOffset | (uint)pbaBarIndex);
        device.Wmask[cap + MsixRegisters.ControlByte] |= MsixRegisters.ControlEnable | MsixRegisters.ControlMaskAll;

        MaskAll(state);

        state.TableRegion = MemoryRegion.CreateIo("msix-table", tableSize, new MsixTableOps(state), device);
        tableBar.AddSubregion(tableOffset, state.TableRegion);
        state.PbaRegion = MemoryRegion.CreateIo("msix-pba", pbaSize, new MsixPbaOps(state), device);
        pbaBar.AddSubregion(pbaOffset, state.PbaRegion);
        return cap;
    }

    /// <summary>
    /// msix_init_exclusive_bar: creates a BAR <paramref name="barIndex"/> holding only the table and PBA
    /// (region name <c>&lt;name&gt;-msix</c> as QEMU) and registers it. Returns false with <paramref name="error"/> set.
    /// The name is the device's type name (QEMU's PCIDevice name).
    /// </summary>
    public static bool InitExclusiveBar(PciDevice device, int vectors, int barIndex, out string? error) =>
        InitExclusiveBar(device, device.Type.Name, vectors, barIndex, PciBarType.Memory32, out error);

    /// <summary>
    /// msix_init_exclusive_bar with an explicit region name prefix and BAR type. Layout as QEMU 7.2: a 4 KiB BAR with
    /// the table at 0 and the PBA at 0x800 while N·16 ≤ 0x800; beyond that the PBA follows the table and the BAR
    /// grows to the next power of two holding both. The capability goes in the first free config space.
    /// </summary>
    public static bool InitExclusiveBar(PciDevice device, string deviceName, int vectors, int barIndex, PciBarType barType, out string? error)
    {
        if (vectors < 1 || vectors > MsixRegisters.MaxVectors)
        {
            error = "The number of MSI-X vectors is invalid";
            return false;
        }

        if ((barType & PciBarType.Io) != 0)
        {
            error = "an MSI-X BAR must be a memory BAR";
            return false;
        }

        ulong barSize = 4096;
        var pbaOffset = barSize / 2;
        var pbaSize = (ulong)MsixRegisters.PbaSize(vectors);
        if ((ulong)vectors * MsixRegisters.EntrySize > pbaOffset)
        {
            pbaOffset = (ulong)vectors * MsixRegisters.EntrySize;
        }

        if (pbaOffset + pbaSize > 4096)
        {
            barSize = pbaOffset + pbaSize;
        }

        barSize = System.Numerics.BitOperations.RoundUpToPowerOf2(barSize);
        var bar = MemoryRegion.CreateContainer(deviceName + "-msix", barSize, device);
        if (Init(device, vectors, bar, barIndex, 0, bar, barIndex, (uint)pbaOffset, 0, out error) < 0)
        {
            return false;
        }

        device.MsixState!.ExclusiveBar = bar;
        device.RegisterBar(barIndex, barType, bar);
        return true;
    }

    /// <summary>
    /// Removes MSI-X state and its table/PBA regions (msix_uninit). The capability bytes stay in config space
    /// until PciDevice gains pci_del_capability (piece P).
    /// </summary>
    public static void Uninit(PciDevice device)
    {
        if (device.MsixState is not { } state)
        {
            return;
        }

        if (state.ObservedEnabled)
        {
            MsiObserverLookup.Report(device, MsiKind.Msix, 0);
        }

        Array.Clear(state.UseCounts);
        Array.Clear(state.Pba);
        state.PbaBar.RemoveSubregion(state.PbaRegion);
        state.TableBar.RemoveSubregion(state.TableRegion);
        state.Notifier = null;
        device.MsixState = null;
    }

    /// <summary>The function has an MSI-X capability (msix_present).</summary>
    public static bool IsPresent(PciDevice device) => device.MsixState is not null;

    /// <summary>MSI-X Enable is set (msix_enabled).</summary>
    public static bool IsEnabled(PciDevice device) =>
        device.MsixState is { } state && (device.Config[state.CapOffset + MsixRegisters.ControlByte] & MsixRegisters.ControlEnable) != 0;

    /// <summary>Table size N (msix_nr_vectors_allocated); 0 without MSI-X.</summary>
    public static int VectorCount(PciDevice device) => device.MsixState?.Vectors ?? 0;

    /// <summary>
    /// Config-write hook (msix_write_config), called after the generic masks were applied. Acts only on writes that
    /// cover the Enable/Function Mask byte: recomputes the function mask; if MSI-X is now disabled nothing else
    /// happens (pending bits kept, no release calls); otherwise INTx is deasserted and, if the function mask changed,
    /// every vector's mask change is processed (use/release notifiers, pending delivery).
    /// </summary>
    public static void WriteConfig(PciDevice device, int address, uint value, int length)
    {
        if (device.MsixState is not { } state)
        {
            return;
        }

        var controlByte = state.CapOffset + MsixRegisters.ControlByte;
        if (controlByte < address || controlByte >= address + length)
        {
            return;
        }

        var wasMasked = state.FunctionMasked;
        UpdateFunctionMasked(state);
        if (!IsEnabled(device))
        {
            if (state.ObservedEnabled)
            {
                state.ObservedEnabled = false;
                state.DeliveryRefused = false;
                MsiObserverLookup.Report(device, MsiKind.Msix, 0);
            }

            return;
        }

        if (!state.ObservedEnabled)
        {
            state.ObservedEnabled = true;
            state.DeliveryRefused = !MsiObserverLookup.Report(device, MsiKind.Msix, state.Vectors);
        }

        // PCI 3.0 §6.8.3.3: while MSI-X is enabled the function must not use INTx.
        device.SetIrq(false);

        if (state.FunctionMasked == wasMasked)
        {
            return;
        }

        for (var vector = 0; vector < state.Vectors; vector++)
        {
            HandleMaskUpdate(state, vector, VectorMasked(state, vector, wasMasked));
        }
    }

    /// <summary>
    /// Device reset (msix_reset): pending cleared, Enable and Function Mask cleared, table and PBA zeroed, then every
    /// entry masked (release notifiers fire for vectors that were live).
    /// </summary>
    public static void Reset(PciDevice device)
    {
        if (device.MsixState is not { } state)
        {
            return;
        }

        Array.Clear(state.Pba);
        var controlByte = state.CapOffset + MsixRegisters.ControlByte;
        device.Config[controlByte] &= (byte)~device.Wmask[controlByte];
        Array.Clear(state.Table);
        MaskAll(state);
        state.FunctionMasked = true;
        if (state.ObservedEnabled)
        {
            state.ObservedEnabled = false;
            state.DeliveryRefused = false;
            MsiObserverLookup.Report(device, MsiKind.Msix, 0);
        }
    }

    /// <summary>The "msix" section body of <paramref name="device"/> (msix_save): table, then ceil(N/8) PBA bytes.</summary>
    public static byte[] Save(PciDevice device) =>
        device.MsixState is { } state ? state.Description.Save(state) : [];

    /// <summary>
    /// Loads an "msix" section body (msix_load); call after config space was restored. Pending bits are replaced,
    /// the function mask recomputed, and every vector treated as previously masked, so unmasked vectors get use()
    /// and pending unmasked (used) vectors are delivered.
    /// </summary>
    public static void Load(PciDevice device, ReadOnlyMemory<byte> data)
    {
        if (device.MsixState is { } state)
        {
            state.Description.Load(state, data, 0);
        }
    }

    /// <summary>The post-load half of msix_load, run by the "msix" section after its buffer was read.</summary>
    internal static void LoadFrom(MsixState state)
    {
        Array.Clear(state.Pba);
        state.MigrationBuffer.AsSpan(0, state.Table.Length).CopyTo(state.Table);
        state.MigrationBuffer.AsSpan(state.Table.Length, state.SavedPbaLength).CopyTo(state.Pba);
        UpdateFunctionMasked(state);
        state.ObservedEnabled = IsEnabled(state.Device);
        state.DeliveryRefused = false;
        for (var vector = 0; vector < state.Vectors; vector++)
        {
            HandleMaskUpdate(state, vector, wasMasked: true);
        }
    }

    private static void UpdateFunctionMasked(MsixState state)
    {
        var control = state.Device.Config[state.CapOffset + MsixRegisters.ControlByte];
        state.FunctionMasked = (control & MsixRegisters.ControlEnable) == 0 || (control & MsixRegisters.ControlMaskAll) != 0;
    }

    private static void MaskAll(MsixState state)
    {
        for (var vector = 0; vector < state.Vectors; vector++)
        {
            var wasMasked = IsMasked(state, vector);
            state.Table[(vector * MsixRegisters.EntrySize) + MsixRegisters.EntryVectorControl] |= MsixRegisters.EntryCtrlMaskBit;
            HandleMaskUpdate(state, vector, wasMasked);
        }
    }
}
