// Implements: QEMU 7.2 hw/char/pl011.c (Arm DDI0183 PrimeCell UART PL011 TRM; mprofile.md §6.9 for the
// Luminary variant on lm3s6965evb): DR (TX straight to the chardev, RX from a 16-entry ring used as a
// 16-deep FIFO with LCR_H.FEN or 1-deep without; the read word carries break as bit 10 and DR reads copy
// bits 11:8 into RSR), RSR/ECR, FR (TXFE/RXFF/TXFF/RXFE; writes ignored), ILPR, IBRD, FBRD, LCR_H, CR,
// IFLS, IMSC, RIS, MIS, ICR, DMACR, the PrimeCell ID bytes at 0xFE0-0xFFC; six level outputs in QEMU's
// sysbus order UARTINTR (combined), UARTRXINTR, UARTTXINTR, UARTRTINTR, UARTMSINTR, UARTEINTR, each
// (RIS & IMSC) & its mask; -d guest_errors / unimp texts of QEMU; the `clk` clock input.
// QEMU 7.2 behaviour kept: CR enable bits (UARTEN/TXE/RXE) are stored but not honoured; a TX write sets
// RIS.TX at once (TX "FIFO" always empty); RX interrupt raised when the count reaches the trigger level,
// which is always 1 (IFLS is stored only), cleared by a DR read that empties the FIFO or by ICR; no receive
// timeout, error or modem-status interrupt is ever raised; registers store whole written values (no
// masks); toggling LCR_H.FEN empties the RX FIFO without updating FR; a break event queues 0x400 even when
// the FIFO is full.
// Not modelled: LCR_H.BRK (QEMU passes it to a host serial port's ioctl; Nemu chardevs have no ioctl), DMA
// (logged as QEMU does), a backend that refuses output (QEMU blocks in qemu_chr_fe_write_all; here the rest
// is dropped). QEMU 7.2 has no reset handler for pl011 (state survives a system reset); here a reset
// restores the power-on values like every device. (The stale FR after an FEN toggle, the unmasked IBRD/FBRD/
// ILPR and the lack of reset were observed on QEMU 7.2.22 lm3s6965evb with a probe firmware.)
using Nemu.Chardevs;
using Nemu.Core;
using Nemu.Core.Irq;
using Nemu.Core.Logging;
using Nemu.Core.State;
using Nemu.Hw.Misc;
using Nemu.Memory;
using Nemu.Qdev;

namespace Nemu.Hw.Char;

/// <summary>QEMU's <c>pl011</c> (Arm IDs) and <c>pl011_luminary</c> (Stellaris IDs) UART.</summary>
public sealed class Pl011 : HwSysBusDevice, IMemoryRegionOps, IChardevFrontend
{
    public new const string TypeName = "pl011";
    public const string LuminaryTypeName = "pl011_luminary";

    public const uint FlagTxfe = 0x80;
    public const uint FlagRxff = 0x40;
    public const uint FlagTxff = 0x20;
    public const uint FlagRxfe = 0x10;

    /// <summary>DR bit 10: the received word is a break (DR_BE).</summary>
    public const uint DrBe = 1 << 10;

    public const uint IntOe = 1 << 10;
    public const uint IntBe = 1 << 9;
    public const uint IntPe = 1 << 8;
    public const uint IntFe = 1 << 7;
    public const uint IntRt = 1 << 6;
    public const uint IntTx = 1 << 5;
    public const uint IntRx = 1 << 4;
    public const uint IntDsr = 1 << 3;
    public const uint IntDcd = 1 << 2;
    public const uint IntCts = 1 << 1;
    public const uint IntRi = 1 << 0;
    public const uint IntE = IntOe | IntBe | IntPe | IntFe;
    public const uint IntMs = IntRi | IntDsr | IntDcd | IntCts;

    public const uint LcrFen = 1 << 4;
    public const uint LcrBrk = 1 << 0;

    /// <summary>Power-on values of QEMU's pl011_init.</summary>
    public const uint ResetFlags = FlagTxfe | FlagRxfe;
    public const uint ResetCr = 0x300;
    public const uint ResetIfl = 0x12;

    /// <summary>PeriphID0-3, PCellID0-3 at 0xFE0-0xFFC.</summary>
    public static readonly byte[] ArmIds = [0x11, 0x10, 0x14, 0x00, 0x0d, 0xf0, 0x05, 0xb1];
    public static readonly byte[] LuminaryIds = [0x11, 0x00, 0x18, 0x01, 0x0d, 0xf0, 0x05, 0xb1];

    /// <summary>Which RIS bits drive each sysbus irq (QEMU's irqmask[]).</summary>
    private static readonly uint[] IrqMasks = [IntE | IntMs | IntRt | IntTx | IntRx, IntRx, IntTx, IntRt, IntMs, IntE];

    private static readonly StateDescription<Pl011State> ClockVmsd =
        StateDescription<Pl011State>.Builder("pl011/clock", 1, 1)
            .Struct("clk", s => s.Clock, ClockStateFields.Vmsd)
            .Build();

    public static readonly StateDescription<Pl011State> Vmsd =
        StateDescription<Pl011State>.Builder(TypeName, 2, 2)
            .UInt32("readbuff", s => ref s.ReadBuff)
            .UInt32("flags", s => ref s.Flags, ResetFlags)
            .UInt32("lcr", s => ref s.Lcr)
            .UInt32("rsr", s => ref s.Rsr)
            .UInt32("cr", s => ref s.Cr, ResetCr)
            .UInt32("dmacr", s => ref s.DmaCr)
            .UInt32("int_enabled", s => ref s.IntEnabled)
            .UInt32("int_level", s => ref s.IntLevel)
            .UInt32Array("read_fifo", s => s.ReadFifo, Pl011State.FifoDepth)
            .UInt32("ilpr", s => ref s.Ilpr)
            .UInt32("ibrd", s => ref s.Ibrd)
            .UInt32("fbrd", s => ref s.Fbrd)
            .UInt32("ifl", s => ref s.Ifl, ResetIfl)
            .Int32("read_pos", s => ref s.ReadPos)
            .Int32("read_count", s => ref s.ReadCount)
            .Int32("read_trigger", s => ref s.ReadTrigger, 1)
            .Subsection(ClockVmsd, s => s.MigrateClk)
            .PostLoad((s, _) => CheckLoaded(s))
            .Build();

    public static readonly DeviceType TypeInfo =
        DeviceType.Define(TypeName, () => new Pl011(ArmIds))
            .Parent(SysBusDevice.TypeName)
            .Chardev("chardev", d => ref d._chardevId)
            .Bool("migrate-clk", d => ref d._migrateClk, true)
            .Property(ClockCodec.Property<Pl011>("clk", d => d.Clk))
            .Build();

    public static readonly DeviceType LuminaryTypeInfo =
        DeviceType.Define(LuminaryTypeName, () => new Pl011(LuminaryIds))
            .Parent(TypeName)
            .Build();

    private readonly Pl011State _s = new();
    private readonly IrqLine[] _irqs = new IrqLine[6];
    private readonly byte[] _ids;
    private readonly byte[] _txByte = new byte[1];
    private string? _chardevId;
    private bool _migrateClk = true;
    private Chardev? _chardev;

    private Pl011(byte[] ids)
    {
        _ids = ids;
        InitMmio(MemoryRegion.CreateIo(TypeName, 0x1000, this, this));
        for (var i = 0; i < _irqs.Length; i++)
        {
            _irqs[i] = InitIrq();
        }

        _s.Clock.Live = Clk;
        InitState(Vmsd, _s);
    }

    /// <summary>The <c>clk</c> input (UARTCLK); QEMU uses it only to trace the baud rate.</summary>
    public DeviceClock Clk { get; } = new("clk");

    public AccessConstraints Constraints => AccessConstraints.Default;

    /// <summary>The live state (read-only use in tests and the monitor).</summary>
    public Pl011State State => _s;

    /// <summary>The baud rate the divisors select at the clk frequency (QEMU's pl011_get_baudrate), 0 if IBRD is 0.</summary>
    public uint BaudRate
    {
        get
        {
            var divisor = ((ulong)_s.Ibrd << 6) + _s.Fbrd;
            return _s.Ibrd == 0 || divisor == 0 ? 0 : (uint)((Clk.Hz / divisor) << 2);
        }
    }

    private int FifoDepth => (_s.Lcr & LcrFen) != 0 ? Pl011State.FifoDepth : 1;

    public MemTxResult Read(ulong offset, uint size, MemTxAttrs attrs, out ulong value)
    {
        switch (offset >> 2)
        {
            case 0: value = ReadDr(); break;
            case 1: value = _s.Rsr; break;
            case 6: value = _s.Flags; break;
            case 8: value = _s.Ilpr; break;
            case 9: value = _s.Ibrd; break;
            case 10: value = _s.Fbrd; break;
            case 11: value = _s.Lcr; break;
            case 12: value = _s.Cr; break;
            case 13: value = _s.Ifl; break;
            case 14: value = _s.IntEnabled; break;
            case 15: value = _s.IntLevel; break;
            case 16: value = _s.IntLevel & _s.IntEnabled; break;
            case 18: value = _s.DmaCr; break;
            case >= 0x3f8 and <= 0x3ff: value = _ids[(offset - 0xfe0) >> 2]; break;
            default:
                if (Log.IsEnabled(LogItem.GuestErrors))
                {
                    Log.Write(LogItem.GuestErrors, $"pl011_read: Bad offset 0x{(int)offset:x}");
                }

                value = 0;
                break;
        }

        return MemTxResult.Ok;
    }

    public MemTxResult Write(ulong offset, ulong value, uint size, MemTxAttrs attrs)
    {
        var v = (uint)value;
        switch (offset >> 2)
        {
            case 0:
                // QEMU does not check CR.UARTEN/TXE: every write is sent.
                _txByte[0] = (byte)v;
                _chardev?.Write(_txByte);
                _s.IntLevel |= IntTx;
                Update();
                break;
            case 1: _s.Rsr = 0; break;
            case 6: break;
            case 8: _s.Ilpr = v; break;
            case 9: _s.Ibrd = v; break;
            case 10: _s.Fbrd = v; break;
            case 11:
                if (((_s.Lcr ^ v) & LcrFen) != 0)
                {
                    // QEMU 7.2 empties the FIFO but leaves FR's RXFE/RXFF as they were.
                    _s.ReadCount = 0;
                    _s.ReadPos = 0;
                }

                _s.Lcr = v;
                _s.ReadTrigger = 1;
                break;
            case 12: _s.Cr = v; break;
            case 13:
                _s.Ifl = v;
                _s.ReadTrigger = 1;
                break;
            case 14:
                _s.IntEnabled = v;
                Update();
                break;
            case 17:
                _s.IntLevel &= ~v;
                Update();
                break;
            case 18:
                _s.DmaCr = v;
                if ((v & 3) != 0 && Log.IsEnabled(LogItem.Unimp))
                {
                    Log.Write(LogItem.Unimp, "pl011: DMA not implemented");
                }

                break;
            default:
                if (Log.IsEnabled(LogItem.GuestErrors))
                {
                    Log.Write(LogItem.GuestErrors, $"pl011_write: Bad offset 0x{(int)offset:x}");
                }

                break;
        }

        return MemTxResult.Ok;
    }

    /// <summary>Free FIFO entries; QEMU's pl011_can_receive answers whether at least one is free.</summary>
    public int CanReceive() => Math.Max(0, FifoDepth - _s.ReadCount);

    public void Receive(ReadOnlySpan<byte> data)
    {
        foreach (var b in data)
        {
            PutFifo(b);
        }
    }

    public void OnEvent(ChardevEvent chardevEvent)
    {
        if (chardevEvent == ChardevEvent.Break)
        {
            PutFifo(DrBe);
        }
    }

    protected override void OnRealize()
    {
        _s.MigrateClk = _migrateClk;
        _chardev = ResolveChardev(_chardevId);
        _chardev?.Attach(this);
    }

    protected override void OnUnrealize()
    {
        _chardev?.Detach(this);
        _chardev = null;
    }

    protected override void OnReset() => Update();

    private static void CheckLoaded(Pl011State s)
    {
        // QEMU 7.2 would index outside read_fifo with such values; refuse them as QEMU 8's post_load does.
        if (s.ReadPos is < 0 or >= Pl011State.FifoDepth || s.ReadCount < 0)
        {
            throw new StateLoadException($"pl011: read_pos {s.ReadPos} / read_count {s.ReadCount} out of range");
        }
    }

    private uint ReadDr()
    {
        _s.Flags &= ~FlagRxff;
        var c = _s.ReadFifo[_s.ReadPos];
        if (_s.ReadCount > 0)
        {
            _s.ReadCount--;
            _s.ReadPos = (_s.ReadPos + 1) & (Pl011State.FifoDepth - 1);
        }

        if (_s.ReadCount == 0)
        {
            _s.Flags |= FlagRxfe;
        }

        if (_s.ReadCount == _s.ReadTrigger - 1)
        {
            _s.IntLevel &= ~IntRx;
        }

        _s.Rsr = c >> 8;
        Update();
        _chardev?.AcceptInput();
        return c;
    }

    private void PutFifo(uint value)
    {
        // QEMU 7.2 fills the 16-entry ring in both modes; only the capacity differs.
        _s.ReadFifo[(_s.ReadPos + _s.ReadCount) & (Pl011State.FifoDepth - 1)] = value;
        _s.ReadCount++;
        _s.Flags &= ~FlagRxfe;
        if ((_s.Lcr & LcrFen) == 0 || _s.ReadCount == Pl011State.FifoDepth)
        {
            _s.Flags |= FlagRxff;
        }

        if (_s.ReadCount == _s.ReadTrigger)
        {
            _s.IntLevel |= IntRx;
            Update();
        }
    }

    private void Update()
    {
        var flags = _s.IntLevel & _s.IntEnabled;
        for (var i = 0; i < _irqs.Length; i++)
        {
            _irqs[i].Set((flags & IrqMasks[i]) != 0);
        }
    }
}
