// Implements: the vector half of QEMU 7.2 hw/pci/msix.c (pci.md §4.3, §4.4; seed 003): per-vector masking with
// pending bits (msix_is_masked, msix_handle_mask_update), msix_notify, msix_vector_use/unuse, msix_set_mask,
// msix_set_message, msix_get_message, and msix_set/unset_vector_notifiers with use/release/poll exactly where
// QEMU calls them. Hot paths (table writes, Notify) allocate nothing.
// Where QEMU asserts on a device-supplied vector out of range, Nemu ignores the call; a use() that fails during a
// mask change (QEMU asserts) leaves the vector on the slow path.
using System.Buffers.Binary;
using Nemu.Core.Logging;

namespace Nemu.Pci;

/// <summary>MSI-X vector operations.</summary>
public static partial class Msix
{
    /// <summary>Vector is masked by its entry or the function mask (msix_is_masked); true for a vector out of range.</summary>
    public static bool IsMasked(PciDevice device, int vector) =>
        device.MsixState is not { } state || (uint)vector >= (uint)state.Vectors || IsMasked(state, vector);

    /// <summary>The vector's pending bit is set (msix_is_pending).</summary>
    public static bool IsPending(PciDevice device, int vector) =>
        device.MsixState is { } state && (uint)vector < (uint)state.Vectors && IsPending(state, vector);

    /// <summary>Sets a vector's pending bit from a backend's Poll (msix_set_pending); the next unmask delivers it.</summary>
    public static void SetPending(PciDevice device, int vector)
    {
        if (device.MsixState is { } state && (uint)vector < (uint)state.Vectors)
        {
            SetPending(state, vector);
        }
    }

    /// <summary>The message table entry <paramref name="vector"/> holds (msix_get_message).</summary>
    public static MsiMessage GetMessage(PciDevice device, int vector) =>
        device.MsixState is { } state && (uint)vector < (uint)state.Vectors ? GetMessage(state, vector) : default;

    /// <summary>Marks a vector used (msix_vector_use); a vector not in use never fires.</summary>
    public static void VectorUse(PciDevice device, int vector)
    {
        if (device.MsixState is { } state && (uint)vector < (uint)state.Vectors)
        {
            state.UseCounts[vector]++;
        }
    }

    /// <summary>Drops one use (msix_vector_unuse); the last unuse clears its pending bit.</summary>
    public static void VectorUnuse(PciDevice device, int vector)
    {
        if (device.MsixState is not { } state || (uint)vector >= (uint)state.Vectors || state.UseCounts[vector] == 0)
        {
            return;
        }

        if (--state.UseCounts[vector] == 0)
        {
            ClearPending(state, vector);
        }
    }

    /// <summary>Zeroes every use count and pending bit (msix_unuse_all_vectors).</summary>
    public static void UnuseAllVectors(PciDevice device)
    {
        if (device.MsixState is { } state)
        {
            Array.Clear(state.UseCounts);
            for (var vector = 0; vector < state.Vectors; vector++)
            {
                ClearPending(state, vector);
            }
        }
    }

    /// <summary>The vector's use count.</summary>
    public static int UseCount(PciDevice device, int vector) =>
        device.MsixState is { } state && (uint)vector < (uint)state.Vectors ? (int)state.UseCounts[vector] : 0;

    /// <summary>
    /// Signals vector <paramref name="vector"/> (msix_notify): dropped when the vector is not used; sets its pending bit
    /// while masked (entry mask, function mask or MSI-X disabled); otherwise sends the entry's current message.
    /// </summary>
    public static void Notify(PciDevice device, int vector)
    {
        if (device.MsixState is { } state && (uint)vector < (uint)state.Vectors)
        {
            Notify(state, vector);
        }
    }

    /// <summary>Sets or clears an entry's Mask bit from the device side (msix_set_mask), with the mask-change logic.</summary>
    public static void SetMask(PciDevice device, int vector, bool mask)
    {
        if (device.MsixState is not { } state || (uint)vector >= (uint)state.Vectors)
        {
            return;
        }

        var wasMasked = IsMasked(state, vector);
        ref var control = ref state.Table[(vector * MsixRegisters.EntrySize) + MsixRegisters.EntryVectorControl];
        control = mask ? (byte)(control | MsixRegisters.EntryCtrlMaskBit) : (byte)(control & ~MsixRegisters.EntryCtrlMaskBit);
        HandleMaskUpdate(state, vector, wasMasked);
    }

    /// <summary>Writes an entry's address/data and clears its Mask bit without notifying (msix_set_message; sPAPR only).</summary>
    public static void SetMessage(PciDevice device, int vector, MsiMessage message)
    {
        if (device.MsixState is not { } state || (uint)vector >= (uint)state.Vectors)
        {
            return;
        }

        var entry = state.Table.AsSpan(vector * MsixRegisters.EntrySize, MsixRegisters.EntrySize);
        BinaryPrimitives.WriteUInt64LittleEndian(entry, message.Address);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[MsixRegisters.EntryData..], message.Data);
        entry[MsixRegisters.EntryVectorControl] &= unchecked((byte)~MsixRegisters.EntryCtrlMaskBit);
    }

    /// <summary>
    /// Installs the notifiers of seed 003 (msix_set_vector_notifiers). While Enable=1 and Function Mask=0, Use is
    /// called for every unmasked vector with its message; a refusal releases the ones already used, uninstalls
    /// and returns false. Then Poll(0, N).
    /// </summary>
    public static bool SetVectorNotifiers(PciDevice device, IMsixVectorNotifier notifier)
    {
        ArgumentNullException.ThrowIfNull(notifier);
        if (device.MsixState is not { } state)
        {
            return false;
        }

        state.Notifier = notifier;
        if (EnabledAndNotFunctionMasked(state))
        {
            for (var vector = 0; vector < state.Vectors; vector++)
            {
                if (!IsMasked(state, vector) && !notifier.Use(vector, GetMessage(state, vector)))
                {
                    while (--vector >= 0)
                    {
                        if (!IsMasked(state, vector))
                        {
                            notifier.Release(vector);
                        }
                    }

                    state.Notifier = null;
                    return false;
                }
            }
        }

        notifier.Poll(0, state.Vectors);
        return true;
    }

    /// <summary>Removes the notifiers, calling Release for every unmasked vector while Enable=1 and Function Mask=0.</summary>
    public static void UnsetVectorNotifiers(PciDevice device)
    {
        if (device.MsixState is not { Notifier: { } notifier } state)
        {
            return;
        }

        if (EnabledAndNotFunctionMasked(state))
        {
            for (var vector = 0; vector < state.Vectors; vector++)
            {
                if (!IsMasked(state, vector))
                {
                    notifier.Release(vector);
                }
            }
        }

        state.Notifier = null;
    }

    /// <summary>A guest dword store into the table (msix_table_mmio_write): store, then the vector's mask-change logic.</summary>
    internal static void WriteTableDword(MsixState state, int offset, uint value)
    {
        var vector = offset / MsixRegisters.EntrySize;
        var wasMasked = IsMasked(state, vector);
        BinaryPrimitives.WriteUInt32LittleEndian(state.Table.AsSpan(offset), value);
        HandleMaskUpdate(state, vector, wasMasked);
    }

    internal static bool IsMasked(MsixState state, int vector) => VectorMasked(state, vector, state.FunctionMasked);

    private static bool VectorMasked(MsixState state, int vector, bool functionMasked) =>
        functionMasked || (state.Table[(vector * MsixRegisters.EntrySize) + MsixRegisters.EntryVectorControl] & MsixRegisters.EntryCtrlMaskBit) != 0;

    private static bool EnabledAndNotFunctionMasked(MsixState state) =>
        (state.Device.Config[state.CapOffset + MsixRegisters.ControlByte] & (MsixRegisters.ControlEnable | MsixRegisters.ControlMaskAll))
        == MsixRegisters.ControlEnable;

    private static MsiMessage GetMessage(MsixState state, int vector)
    {
        var entry = state.Table.AsSpan(vector * MsixRegisters.EntrySize, MsixRegisters.EntrySize);
        return new MsiMessage(BinaryPrimitives.ReadUInt64LittleEndian(entry), BinaryPrimitives.ReadUInt32LittleEndian(entry[MsixRegisters.EntryData..]));
    }

    private static bool IsPending(MsixState state, int vector) => (state.Pba[vector / 8] & (1 << (vector % 8))) != 0;

    private static void SetPending(MsixState state, int vector) => state.Pba[vector / 8] |= (byte)(1 << (vector % 8));

    private static void ClearPending(MsixState state, int vector) => state.Pba[vector / 8] &= (byte)~(1 << (vector % 8));

    private static void Notify(MsixState state, int vector)
    {
        if (state.UseCounts[vector] == 0)
        {
            return;
        }

        if (IsMasked(state, vector))
        {
            SetPending(state, vector);
            return;
        }

        if (state.DeliveryRefused)
        {
            LogRefused(state, vector);
            return;
        }

        state.Device.SendMessage(GetMessage(state, vector));
    }

    /// <summary>
    /// msix_handle_mask_update: when the vector's effective mask changed, tell the notifier (release when now masked,
    /// use with the current message when now unmasked); when now unmasked with its pending bit set, clear it and
    /// deliver once.
    /// </summary>
    private static void HandleMaskUpdate(MsixState state, int vector, bool wasMasked)
    {
        var isMasked = IsMasked(state, vector);
        if (isMasked == wasMasked)
        {
            return;
        }

        if (state.Notifier is { } notifier)
        {
            if (isMasked)
            {
                notifier.Release(vector);
            }
            else
            {
                // QEMU asserts the use notifier succeeds here; a refusing backend simply keeps the slow path.
                notifier.Use(vector, GetMessage(state, vector));
            }
        }

        if (!isMasked && IsPending(state, vector))
        {
            ClearPending(state, vector);
            Notify(state, vector);
        }
    }

    private static void LogRefused(MsixState state, int vector)
    {
        if (Log.IsEnabled(LogItem.GuestErrors))
        {
            Log.Write(LogItem.GuestErrors, $"pci {state.Device.RequesterId:x4}: MSI-X vector {vector} dropped: the machine refused this function's MSI-X set-up");
        }
    }
}
