// Implements: QEMU 7.2 hw/pci/msi.c as functions over a PciDevice (pci.md §3, §3.1): capability layout
// (32/64-bit address, per-vector masking, Multiple Message Capable/Enable), the config wmask msi_init sets,
// msi_get_message's vector-in-data encoding, msi_notify (pending while masked), msi_write_config (INTx
// deassert, MME clamp, pending delivery on unmask), msi_set_mask, msi_reset.
// Saved state: none of its own. As in QEMU, all MSI state is config space (saved by the device's config
// field); after a load call PostLoad so Enable transitions are reported relative to the loaded state.
// Nemu additions: Enable transitions are reported to the machine's IPciInterruptObserver (seed 004).
// Not modelled: msi_nonbroken (every Nemu MSI controller accepts MSI), Xen/KVM routing, the sPAPR side channel
// beyond SetMessage. Where QEMU asserts on a device-supplied vector out of range, Nemu ignores the call.
using Nemu.Core.Logging;

namespace Nemu.Pci;

/// <summary>MSI (PCI 3.0 §6.8.1) for a <see cref="PciDevice"/>.</summary>
public static class Msi
{
    /// <summary>
    /// Adds an MSI capability (msi_init): <paramref name="vectors"/> a power of two 1-32, at <paramref name="offset"/>
    /// (0: first free). Returns the capability offset, or -1 with <paramref name="error"/> set.
    /// </summary>
    public static int Init(PciDevice device, int offset, int vectors, bool is64Bit, bool perVectorMask, out string? error)
    {
        if (vectors < 1 || vectors > MsiRegisters.VectorsMax || (vectors & (vectors - 1)) != 0)
        {
            // QEMU asserts here (a device bug); Nemu reports it to the device's realize.
            error = $"MSI vector count {vectors} is not a power of two from 1 to {MsiRegisters.VectorsMax}";
            return -1;
        }

        var order = System.Numerics.BitOperations.Log2((uint)vectors);
        var flags = (ushort)(order << 1);
        if (is64Bit)
        {
            flags |= MsiRegisters.Flags64Bit;
        }

        if (perVectorMask)
        {
            flags |= MsiRegisters.FlagsMaskBit;
        }

        var cap = device.AddCapability(PciConfig.CapIdMsi, offset, MsiRegisters.CapabilitySize(flags), out error);
        if (cap < 0)
        {
            return -1;
        }

        var state = new MsiState { CapOffset = cap, Is64Bit = is64Bit, PerVectorMask = perVectorMask, MaxVectors = vectors };
        device.MsiState = state;
        device.SetWord(cap + MsiRegisters.Flags, flags);

        // Wmask as msi_init: MME and Enable, address (bits 1:0 reserved), data, and one mask bit per vector.
        SetWord(device.Wmask, cap + MsiRegisters.Flags, MsiRegisters.FlagsQsize | MsiRegisters.FlagsEnable);
        SetLong(device.Wmask, cap + MsiRegisters.AddressLo, MsiRegisters.AddressLoMask);
        if (is64Bit)
        {
            SetLong(device.Wmask, cap + MsiRegisters.AddressHi, 0xffff_ffff);
        }

        SetWord(device.Wmask, state.DataOffset, 0xffff);
        if (perVectorMask)
        {
            SetLong(device.Wmask, state.MaskOffset, 0xffff_ffffu >> (MsiRegisters.VectorsMax - vectors));
        }

        return cap;
    }

    /// <summary>
    /// Removes MSI state (msi_uninit). The capability bytes stay in config space until PciDevice gains
    /// pci_del_capability (piece P).
    /// </summary>
    public static void Uninit(PciDevice device)
    {
        if (device.MsiState is { } state && state.ObservedEnabled)
        {
            MsiObserverLookup.Report(device, MsiKind.Msi, 0);
        }

        device.MsiState = null;
    }

    /// <summary>The function has an MSI capability (msi_present).</summary>
    public static bool IsPresent(PciDevice device) => device.MsiState is not null;

    /// <summary>MSI Enable is set (msi_enabled).</summary>
    public static bool IsEnabled(PciDevice device) =>
        device.MsiState is { } state && (Flags(device, state) & MsiRegisters.FlagsEnable) != 0;

    /// <summary>Vector <paramref name="vector"/> is masked by its per-vector mask bit (msi_is_masked).</summary>
    public static bool IsMasked(PciDevice device, int vector)
    {
        if (device.MsiState is not { PerVectorMask: true } state || (uint)vector >= MsiRegisters.VectorsMax)
        {
            return false;
        }

        return (device.GetLong(state.MaskOffset) & (1u << vector)) != 0;
    }

    /// <summary>Vectors software allocated: 2^MME, as written (msi_nr_vectors_allocated); 0 without MSI.</summary>
    public static int AllocatedVectors(PciDevice device) =>
        device.MsiState is { } state ? 1 << ((Flags(device, state) & MsiRegisters.FlagsQsize) >> 4) : 0;

    /// <summary>
    /// The message vector <paramref name="vector"/> would send now (msi_get_message): the programmed address, and
    /// the 16-bit data with its low log2(n) bits replaced by the vector when n = 2^MME &gt; 1.
    /// A vector outside the allocated ones gives the default message.
    /// </summary>
    public static MsiMessage GetMessage(PciDevice device, int vector)
    {
        if (device.MsiState is not { } state)
        {
            return default;
        }

        var vectors = AllocatedVectors(device);
        if ((uint)vector >= (uint)vectors)
        {
            return default;
        }

        var address = state.Is64Bit
            ? device.GetLong(state.CapOffset + MsiRegisters.AddressLo) | ((ulong)device.GetLong(state.CapOffset + MsiRegisters.AddressHi) << 32)
            : device.GetLong(state.CapOffset + MsiRegisters.AddressLo);
        uint data = device.GetWord(state.DataOffset);
        if (vectors > 1)
        {
            data = (data & ~(uint)(vectors - 1)) | (uint)vector;
        }

        return new MsiMessage(address, data);
    }

    /// <summary>
    /// Signals vector <paramref name="vector"/> (msi_notify): with its mask bit set the pending bit is set and nothing
    /// is sent; otherwise the message goes out through the bus-master address space. Like QEMU this does not check
    /// Enable (devices test <see cref="IsEnabled"/> and use INTx otherwise).
    /// </summary>
    public static void Notify(PciDevice device, int vector)
    {
        if (device.MsiState is not { } state || (uint)vector >= (uint)AllocatedVectors(device))
        {
            return;
        }

        if (IsMasked(device, vector))
        {
            device.SetLong(state.PendingOffset, device.GetLong(state.PendingOffset) | (1u << vector));
            return;
        }

        if (state.DeliveryRefused)
        {
            LogRefused(device, vector);
            return;
        }

        device.SendMessage(GetMessage(device, vector));
    }

    /// <summary>
    /// Sets or clears vector <paramref name="vector"/>'s mask bit from the device side (msi_set_mask); clearing it with
    /// the pending bit set delivers the message. False with <paramref name="error"/> for a vector past 31.
    /// </summary>
    public static bool SetMask(PciDevice device, int vector, bool mask, out string? error)
    {
        error = null;
        if (device.MsiState is not { } state)
        {
            return true;
        }

        if ((uint)vector >= MsiRegisters.VectorsMax)
        {
            error = $"msi: vector {vector} not allocated. max vector is {MsiRegisters.VectorsMax - 1}";
            return false;
        }

        var bit = 1u << vector;
        var maskBits = device.GetLong(state.MaskOffset);
        device.SetLong(state.MaskOffset, mask ? maskBits | bit : maskBits & ~bit);
        var pending = device.GetLong(state.PendingOffset);
        if (!mask && (pending & bit) != 0)
        {
            device.SetLong(state.PendingOffset, pending & ~bit);
            Notify(device, vector);
        }

        return true;
    }

    /// <summary>
    /// Config-write hook (msi_write_config), called after the generic masks were applied. Any write overlapping the
    /// capability while Enable=1 deasserts INTx, clamps MME to MMC, drops pending bits of vectors not allocated and
    /// delivers each pending unmasked vector once. Enable transitions are reported to the interrupt observer.
    /// </summary>
    public static void WriteConfig(PciDevice device, int address, uint value, int length)
    {
        if (device.MsiState is not { } state || address >= state.CapOffset + state.Size || address + length <= state.CapOffset)
        {
            return;
        }

        var flags = Flags(device, state);
        if ((flags & MsiRegisters.FlagsEnable) == 0)
        {
            if (state.ObservedEnabled)
            {
                state.ObservedEnabled = false;
                state.DeliveryRefused = false;
                MsiObserverLookup.Report(device, MsiKind.Msi, 0);
            }

            return;
        }

        // PCI 3.0 §6.8.3.3: while MSI is enabled the function must not use INTx.
        device.SetIrq(false);

        // MME above MMC is illegal; QEMU rewrites it to MMC so nothing indexes past the supported vectors.
        var logNum = (flags & MsiRegisters.FlagsQsize) >> 4;
        var logMax = (flags & MsiRegisters.FlagsQmask) >> 1;
        if (logNum > logMax)
        {
            flags = (ushort)((flags & ~MsiRegisters.FlagsQsize) | (logMax << 4));
            device.SetWord(state.CapOffset + MsiRegisters.Flags, flags);
        }

        var vectors = 1 << ((flags & MsiRegisters.FlagsQsize) >> 4);
        if (!state.ObservedEnabled)
        {
            state.ObservedEnabled = true;
            state.DeliveryRefused = !MsiObserverLookup.Report(device, MsiKind.Msi, vectors);
        }

        if (!state.PerVectorMask)
        {
            return;
        }

        var pending = device.GetLong(state.PendingOffset) & (0xffff_ffffu >> (MsiRegisters.VectorsMax - vectors));
        device.SetLong(state.PendingOffset, pending);
        for (var vector = 0; vector < vectors; vector++)
        {
            if (IsMasked(device, vector) || (pending & (1u << vector)) == 0)
            {
                continue;
            }

            device.SetLong(state.PendingOffset, device.GetLong(state.PendingOffset) & ~(1u << vector));
            Notify(device, vector);
        }
    }

    /// <summary>Device reset (msi_reset): Enable and MME clear, address, data, masks and pending clear.</summary>
    public static void Reset(PciDevice device)
    {
        if (device.MsiState is not { } state)
        {
            return;
        }

        var flags = (ushort)(Flags(device, state) & ~(MsiRegisters.FlagsQsize | MsiRegisters.FlagsEnable));
        device.SetWord(state.CapOffset + MsiRegisters.Flags, flags);
        device.SetLong(state.CapOffset + MsiRegisters.AddressLo, 0);
        if (state.Is64Bit)
        {
            device.SetLong(state.CapOffset + MsiRegisters.AddressHi, 0);
        }

        device.SetWord(state.DataOffset, 0);
        if (state.PerVectorMask)
        {
            device.SetLong(state.MaskOffset, 0);
            device.SetLong(state.PendingOffset, 0);
        }

        if (state.ObservedEnabled)
        {
            state.ObservedEnabled = false;
            state.DeliveryRefused = false;
            MsiObserverLookup.Report(device, MsiKind.Msi, 0);
        }
    }

    /// <summary>
    /// After config space was loaded: takes the loaded Enable as the observed state without reporting it (the
    /// machine restores its own allocation map, seed 004).
    /// </summary>
    public static void PostLoad(PciDevice device)
    {
        if (device.MsiState is { } state)
        {
            state.ObservedEnabled = IsEnabled(device);
            state.DeliveryRefused = false;
        }
    }

    /// <summary>Writes address and data directly (msi_set_message, QEMU's sPAPR side channel; not for devices).</summary>
    public static void SetMessage(PciDevice device, MsiMessage message)
    {
        if (device.MsiState is not { } state)
        {
            return;
        }

        device.SetLong(state.CapOffset + MsiRegisters.AddressLo, (uint)message.Address);
        if (state.Is64Bit)
        {
            device.SetLong(state.CapOffset + MsiRegisters.AddressHi, (uint)(message.Address >> 32));
        }

        device.SetWord(state.DataOffset, (ushort)message.Data);
    }

    private static ushort Flags(PciDevice device, MsiState state) => device.GetWord(state.CapOffset + MsiRegisters.Flags);

    private static void LogRefused(PciDevice device, int vector)
    {
        if (Log.IsEnabled(LogItem.GuestErrors))
        {
            Log.Write(LogItem.GuestErrors, $"pci {device.RequesterId:x4}: MSI vector {vector} dropped: the machine refused this function's MSI set-up");
        }
    }

    private static void SetWord(byte[] bytes, int offset, ushort value)
    {
        bytes[offset] = (byte)value;
        bytes[offset + 1] = (byte)(value >> 8);
    }

    private static void SetLong(byte[] bytes, int offset, uint value)
    {
        SetWord(bytes, offset, (ushort)value);
        SetWord(bytes, offset + 2, (ushort)(value >> 16));
    }
}
