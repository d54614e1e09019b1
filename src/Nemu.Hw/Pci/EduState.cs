// Implements: the register state of QEMU 7.2's edu device (hw/misc/edu.c EduState) as a plain-data record:
// liveness, factorial, status, interrupt status, the DMA registers and the 4 KiB DMA buffer.
// QEMU's edu has no VMState; Nemu saves this record ("edu", version 2: the PCI function as parent_obj first) so every device is migratable.
using Nemu.Core.Time;
using Nemu.Pci;

namespace Nemu.Hw.Pci;

/// <summary>The migratable state of an <see cref="Edu"/> device.</summary>
public sealed class EduState
{
    /// <summary>The PCI function's state (QEMU's parent_obj), set by the device.</summary>
    public PciDeviceState Pci { get; internal set; } = null!;

    /// <summary>Register 0x04: the complement of the last value written (QEMU's addr4).</summary>
    public uint Addr4;

    /// <summary>Register 0x08: the factorial operand, then its result.</summary>
    public uint Fact;

    /// <summary>Register 0x20: bit 0 computing, bit 7 raise interrupt 0x1 when a factorial finishes.</summary>
    public uint Status;

    /// <summary>Register 0x24: the interrupt status bits set by 0x60 and cleared by 0x64.</summary>
    public uint IrqStatus;

    /// <summary>Register 0x80: DMA source address.</summary>
    public ulong DmaSrc;

    /// <summary>Register 0x88: DMA destination address.</summary>
    public ulong DmaDst;

    /// <summary>Register 0x90: DMA transfer count in bytes.</summary>
    public ulong DmaCnt;

    /// <summary>Register 0x98: DMA command (bit 0 run, bit 1 direction, bit 2 raise interrupt 0x100 when done).</summary>
    public ulong DmaCmd;

    /// <summary>The device's 4 KiB buffer, seen by DMA at <see cref="Edu.DmaStart"/>.</summary>
    public readonly byte[] DmaBuffer = new byte[Edu.DmaSize];

    /// <summary>The live DMA timer (not saved itself: its expiry is).</summary>
    internal ClockTimer? DmaTimer;

    /// <summary>The DMA timer's expiry in virtual ns, or -1 when idle.</summary>
    internal long DmaTimerExpire
    {
        get => DmaTimer?.ExpireTime ?? -1;
        set
        {
            if (value >= 0)
            {
                DmaTimer?.Modify(value);
            }
            else
            {
                DmaTimer?.Cancel();
            }
        }
    }
}
