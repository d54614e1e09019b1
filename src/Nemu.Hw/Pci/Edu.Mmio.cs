// Implements: QEMU 7.2 hw/misc/edu.c edu_mmio_read/edu_mmio_write and the DMA timer (docs/specs/edu.txt):
// accesses are valid with 4 or 8 bytes, naturally aligned (other sizes and unaligned accesses are refused by
// the memory core and read 0, as recorded in issue6-ref/qtest-main.txt); below 0x80 only 4-byte accesses
// reach a register (an 8-byte read returns all-ones), from 0x80 4- and 8-byte ones; unknown offsets read
// all-ones and ignore writes. See Edu.cs for Nemu's factorial and DMA decisions.
using Nemu.Core;
using Nemu.Core.Logging;
using Nemu.Core.Time;
using Nemu.Memory;

namespace Nemu.Hw.Pci;

public sealed partial class Edu : IMemoryRegionOps
{
    public const uint Ident = 0x010000ed;

    public const uint StatusComputing = 0x01;
    public const uint StatusIrqFact = 0x80;

    /// <summary>Interrupt status bit raised when a factorial finishes with <see cref="StatusIrqFact"/> set.</summary>
    public const uint FactIrq = 0x001;

    /// <summary>Interrupt status bit raised when a DMA command with <see cref="DmaCmdIrq"/> finishes.</summary>
    public const uint DmaIrq = 0x100;

    public const ulong DmaCmdRun = 0x1;

    /// <summary>Direction bit: 0 = from PCI (guest memory to buffer), 1 = to PCI (buffer to guest memory).</summary>
    public const ulong DmaCmdToPci = 0x2;
    public const ulong DmaCmdIrq = 0x4;

    private static readonly AccessConstraints MmioConstraints = new()
    {
        ValidMinAccessSize = 4,
        ValidMaxAccessSize = 8,
        ImplMinAccessSize = 4,
        ImplMaxAccessSize = 8,
    };

    public AccessConstraints Constraints => MmioConstraints;

    public MemTxResult Read(ulong offset, uint size, MemTxAttrs attrs, out ulong value)
    {
        value = ulong.MaxValue;
        if (!SizeReachesRegister(offset, size))
        {
            return MemTxResult.Ok;
        }

        switch (offset)
        {
            case 0x00: value = Ident; break;
            case 0x04: value = _s.Addr4; break;
            case 0x08: value = _s.Fact; break;
            case 0x20: value = _s.Status; break;
            case 0x24: value = _s.IrqStatus; break;
            case 0x80: value = _s.DmaSrc; break;
            case 0x88: value = _s.DmaDst; break;
            case 0x90: value = _s.DmaCnt; break;
            case 0x98: value = _s.DmaCmd; break;
        }

        return MemTxResult.Ok;
    }

    public MemTxResult Write(ulong offset, ulong value, uint size, MemTxAttrs attrs)
    {
        if (!SizeReachesRegister(offset, size))
        {
            return MemTxResult.Ok;
        }

        switch (offset)
        {
            case 0x04:
                _s.Addr4 = ~(uint)value;
                break;
            case 0x08:
                if ((_s.Status & StatusComputing) == 0)
                {
                    ComputeFactorial((uint)value);
                }

                break;
            case 0x20:
                // Only the interrupt-enable bit is writable; the computing bit belongs to the device.
                _s.Status = (value & StatusIrqFact) != 0 ? _s.Status | StatusIrqFact : _s.Status & ~StatusIrqFact;
                break;
            case 0x60:
                RaiseIrq((uint)value);
                break;
            case 0x64:
                LowerIrq((uint)value);
                break;
            case 0x80:
                WriteDmaRegister(ref _s.DmaSrc, value);
                break;
            case 0x88:
                WriteDmaRegister(ref _s.DmaDst, value);
                break;
            case 0x90:
                WriteDmaRegister(ref _s.DmaCnt, value);
                break;
            case 0x98:
                // Only a command with the run bit starts; none is accepted while one is running.
                if ((value & DmaCmdRun) != 0 && (_s.DmaCmd & DmaCmdRun) == 0)
                {
                    _s.DmaCmd = value;
                    ArmDmaTimer();
                }

                break;
        }

        return MemTxResult.Ok;
    }

    /// <summary>
    /// The factorial modulo 2^32, as QEMU's uint32_t loop. From 34 on the product holds at least 32 factors of
    /// two, so it is 0; stopping there keeps a hostile operand (0xffffffff) from looping four billion times.
    /// </summary>
    public static uint Factorial(uint n)
    {
        if (n >= 34)
        {
            return 0;
        }

        uint result = 1;
        while (n > 0)
        {
            result *= n--;
        }

        return result;
    }

    private static bool SizeReachesRegister(ulong offset, uint size) => offset < 0x80 ? size == 4 : size is 4 or 8;

    private void ComputeFactorial(uint operand)
    {
        _s.Fact = Factorial(operand);
        if ((_s.Status & StatusIrqFact) != 0)
        {
            RaiseIrq(FactIrq);
        }
    }

    private void WriteDmaRegister(ref ulong register, ulong value)
    {
        if ((_s.DmaCmd & DmaCmdRun) == 0)
        {
            register = value;
        }
    }

    private void ArmDmaTimer()
    {
        // QEMU arms a millisecond timer at qemu_clock_get_ms(VIRTUAL) + 100: the deadline is whole milliseconds.
        const long nsPerMs = 1_000_000;
        var timer = _s.DmaTimer ??= Time.CreateTimer(ClockType.Virtual, "edu-dma", DmaTimerExpired);
        timer.Modify(((Time.NowNs / nsPerMs) + DmaDelayMs) * nsPerMs);
    }

    /// <summary>QEMU's edu_dma_timer: moves cnt bytes between guest memory and the buffer window.</summary>
    private void DmaTimerExpired()
    {
        if ((_s.DmaCmd & DmaCmdRun) == 0)
        {
            return;
        }

        var toPci = (_s.DmaCmd & DmaCmdToPci) != 0;
        var window = toPci ? _s.DmaSrc : _s.DmaDst;
        if (InWindow(window, _s.DmaCnt))
        {
            var buffer = _s.DmaBuffer.AsSpan((int)(window - DmaStart), (int)_s.DmaCnt);
            if (toPci)
            {
                _ = DmaWrite(ClampAddress(_s.DmaDst), buffer);
            }
            else
            {
                _ = DmaRead(ClampAddress(_s.DmaSrc), buffer);
            }
        }

        _s.DmaCmd &= ~DmaCmdRun;
        if ((_s.DmaCmd & DmaCmdIrq) != 0)
        {
            RaiseIrq(DmaIrq);
        }
    }

    /// <summary>QEMU's edu_check_range; Nemu logs and skips where QEMU 7.2 aborts (hw_error).</summary>
    private static bool InWindow(ulong start, ulong count)
    {
        var end = start + count;
        const ulong windowEnd = DmaStart + DmaSize;
        if (end >= start && start >= DmaStart && end <= windowEnd)
        {
            return true;
        }

        if (Log.IsEnabled(LogItem.GuestErrors))
        {
            Log.Write(LogItem.GuestErrors,
                $"EDU: DMA range 0x{start:x16}-0x{end - 1:x16} out of bounds (0x{DmaStart:x16}-0x{windowEnd - 1:x16})!");
        }

        return false;
    }

    private ulong ClampAddress(ulong address)
    {
        var clamped = address & _dmaMask;
        if (clamped != address && Log.IsEnabled(LogItem.GuestErrors))
        {
            Log.Write(LogItem.GuestErrors, $"EDU: clamping DMA 0x{address:x16} to 0x{clamped:x16}!");
        }

        return clamped;
    }
}
