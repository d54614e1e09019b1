// Implements: the per-function MSI-X bookkeeping QEMU keeps in PCIDevice (msix_table, msix_pba,
// msix_entry_used, msix_function_masked, the vector notifiers, the table/PBA regions) (pci.md §4).
// The migration section "msix" (pci.md §4.5) is built per function because its size depends on N.
using Nemu.Core.State;
using Nemu.Memory;

namespace Nemu.Pci;

/// <summary>A function's MSI-X table, PBA and vector bookkeeping.</summary>
public sealed class MsixState
{
    internal MsixState(PciDevice device, int capOffset, int vectors)
    {
        Device = device;
        CapOffset = capOffset;
        Vectors = vectors;
        Table = new byte[vectors * MsixRegisters.EntrySize];
        Pba = new byte[MsixRegisters.PbaSize(vectors)];
        UseCounts = new uint[vectors];
        MigrationBuffer = new byte[Table.Length + SavedPbaLength];
        Description = StateDescription<MsixState>.Builder("msix", 0, 0)
            .Buffer("msix", static s => s.MigrationBuffer, MigrationBuffer.Length)
            .PreSave(static s => s.FillMigrationBuffer())
            .PostLoad(static (s, _) => Msix.LoadFrom(s))
            .Build();
    }

    /// <summary>Offset of the capability in config space.</summary>
    public int CapOffset { get; init; }

    /// <summary>Number of table entries (1-2048).</summary>
    public int Vectors { get; init; }

    /// <summary>The function this state belongs to.</summary>
    public PciDevice Device { get; }

    /// <summary>The table as the guest sees it: N entries of 16 bytes, little-endian.</summary>
    public byte[] Table { get; }

    /// <summary>The Pending Bit Array, QEMU_ALIGN_UP(N, 64) / 8 bytes.</summary>
    public byte[] Pba { get; }

    /// <summary>Per-vector use counts (msix_entry_used).</summary>
    internal uint[] UseCounts { get; }

    /// <summary>!Enable || Function Mask, as last computed (msix_function_masked).</summary>
    public bool FunctionMasked { get; internal set; } = true;

    /// <summary>The installed vector notifier (seed 003), if any.</summary>
    public IMsixVectorNotifier? Notifier { get; internal set; }

    /// <summary>The <c>msix-table</c> region (N·16 bytes) inside <see cref="TableBar"/>.</summary>
    public MemoryRegion TableRegion { get; internal set; } = null!;

    /// <summary>The <c>msix-pba</c> region inside <see cref="PbaBar"/>.</summary>
    public MemoryRegion PbaRegion { get; internal set; } = null!;

    public MemoryRegion TableBar { get; internal set; } = null!;

    public MemoryRegion PbaBar { get; internal set; } = null!;

    /// <summary>The BAR container msix_init_exclusive_bar made, or null.</summary>
    public MemoryRegion? ExclusiveBar { get; internal set; }

    /// <summary>
    /// The machine's <see cref="IPciInterruptObserver"/> refused the last enable: messages are dropped (with a
    /// guest_errors log) until MSI-X is disabled again. Nemu-only.
    /// </summary>
    public bool DeliveryRefused { get; internal set; }

    /// <summary>The "msix" section: the raw table then ceil(N/8) PBA bytes (msix_save / msix_load).</summary>
    public StateDescription<MsixState> Description { get; }

    /// <summary>Enable as the observer last saw it, to report transitions only.</summary>
    internal bool ObservedEnabled { get; set; }

    /// <summary>QEMU saves only DIV_ROUND_UP(N, 8) PBA bytes, not the whole allocation.</summary>
    internal int SavedPbaLength => (Vectors + 7) / 8;

    internal byte[] MigrationBuffer { get; }

    private void FillMigrationBuffer()
    {
        Table.CopyTo(MigrationBuffer, 0);
        Array.Copy(Pba, 0, MigrationBuffer, Table.Length, SavedPbaLength);
    }
}
