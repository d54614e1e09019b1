// Implements: QEMU 7.2 hw/misc/mps2-fpgaio.c (mprofile.md §6.8; Arm AN505/AN385 "FPGA system control and I/O"):
// LED0 (num-leds bits), DBGCTRL (has-dbgctrl), BUTTON (0), CLK1HZ/CLK100HZ up-counters from virtual time
// (writable: the write re-bases the counter), COUNTER/PRESCALE/PSCNTR (PSCNTR down-counts at prescale-clk and
// reloads from PRESCALE one tick after reaching 0, incrementing COUNTER), SWITCH (has-switches, 0), MISC
// (read as written, logged unimplemented). Counters are computed from virtual time, never ticked.
// Not modelled: the LED objects QEMU creates (USERLEDn) — LED0 is only stored.
using Nemu.Core;
using Nemu.Core.Logging;
using Nemu.Core.State;
using Nemu.Hw.Misc;
using Nemu.Memory;
using Nemu.Qdev;

namespace Nemu.Hw.Mps2;

/// <summary>QEMU's <c>mps2-fpgaio</c>.</summary>
public sealed class Mps2Fpgaio : HwSysBusDevice, IMemoryRegionOps
{
    public new const string TypeName = "mps2-fpgaio";
    public const int MaxLeds = 32;
    private const long NsPerSecond = 1_000_000_000;

    public static readonly StateDescription<Mps2FpgaioState> Vmsd =
        StateDescription<Mps2FpgaioState>.Builder(TypeName, 3, 3)
            .UInt32("led0", s => ref s.Led0)
            .UInt32("prescale", s => ref s.Prescale)
            .UInt32("misc", s => ref s.Misc)
            .UInt32("dbgctrl", s => ref s.DbgCtrl)
            .Int64("clk1hz_tick_offset", s => ref s.Clk1HzTickOffset)
            .Int64("clk100hz_tick_offset", s => ref s.Clk100HzTickOffset)
            .UInt32("counter", s => ref s.Counter)
            .UInt32("pscntr", s => ref s.PsCntr)
            .Int64("pscntr_sync_ticks", s => ref s.PsCntrSyncTicks)
            .Build();

    public static readonly DeviceType TypeInfo =
        DeviceType.Define(TypeName, () => new Mps2Fpgaio())
            .Parent(SysBusDevice.TypeName)
            .UInt32("prescale-clk", d => ref d._prescaleClk, 20_000_000)
            .UInt32("num-leds", d => ref d._numLeds, 2)
            .Bool("has-switches", d => ref d._hasSwitches)
            .Bool("has-dbgctrl", d => ref d._hasDbgCtrl)
            .Build();

    private readonly Mps2FpgaioState _s = new();
    private uint _prescaleClk;
    private uint _numLeds;
    private bool _hasSwitches;
    private bool _hasDbgCtrl;

    public Mps2Fpgaio()
    {
        InitMmio(MemoryRegion.CreateIo(TypeName, 0x1000, this, this));
        InitState(Vmsd, _s);
    }

    public AccessConstraints Constraints => AccessConstraints.Default;

    public Mps2FpgaioState State => _s;

    public MemTxResult Read(ulong offset, uint size, MemTxAttrs attrs, out ulong value)
    {
        switch (offset)
        {
            case 0x00: value = _s.Led0; break;
            case 0x04 when _hasDbgCtrl: value = _s.DbgCtrl; break;
            case 0x08: value = 0; break;
            case 0x1c: value = _s.Prescale; break;
            case 0x4c: value = _s.Misc; break;
            case 0x10: value = CounterFromTickOffset(Time.NowNs, _s.Clk1HzTickOffset, 1); break;
            case 0x14: value = CounterFromTickOffset(Time.NowNs, _s.Clk100HzTickOffset, 100); break;
            case 0x18:
                ResyncCounter();
                value = _s.Counter;
                break;
            case 0x20:
                ResyncCounter();
                value = _s.PsCntr;
                break;
            case 0x28 when _hasSwitches: value = 0; break;
            default:
                if (Log.IsEnabled(LogItem.GuestErrors))
                {
                    Log.Write(LogItem.GuestErrors, $"MPS2 FPGAIO read: bad offset {(int)offset:x}");
                }

                value = 0;
                break;
        }

        return MemTxResult.Ok;
    }

    public MemTxResult Write(ulong offset, ulong value, uint size, MemTxAttrs attrs)
    {
        var v = (uint)value;
        switch (offset)
        {
            case 0x00:
                if (_numLeds != 0)
                {
                    _s.Led0 = (uint)(value & (_numLeds >= 64 ? ulong.MaxValue : (1UL << (int)_numLeds) - 1));
                }

                break;
            case 0x04 when _hasDbgCtrl:
                if (Log.IsEnabled(LogItem.Unimp))
                {
                    Log.Write(LogItem.Unimp, "MPS2 FPGAIO: DBGCTRL unimplemented");
                }

                _s.DbgCtrl = v;
                break;
            case 0x1c:
                ResyncCounter();
                _s.Prescale = v;
                break;
            case 0x4c:
                if (Log.IsEnabled(LogItem.Unimp))
                {
                    Log.Write(LogItem.Unimp, "MPS2 FPGAIO: MISC control bits unimplemented");
                }

                _s.Misc = v;
                break;
            case 0x10:
                _s.Clk1HzTickOffset = TickOffsetFromCounter(Time.NowNs, v, 1);
                break;
            case 0x14:
                _s.Clk100HzTickOffset = TickOffsetFromCounter(Time.NowNs, v, 100);
                break;
            case 0x18:
                ResyncCounter();
                _s.Counter = v;
                break;
            case 0x20:
                ResyncCounter();
                _s.PsCntr = v;
                break;
            default:
                if (Log.IsEnabled(LogItem.GuestErrors))
                {
                    Log.Write(LogItem.GuestErrors, $"MPS2 FPGAIO write: bad offset 0x{(int)offset:x}");
                }

                break;
        }

        return MemTxResult.Ok;
    }

    protected override void OnRealize()
    {
        if (_numLeds > MaxLeds)
        {
            throw new QdevException($"num-leds cannot be greater than {MaxLeds}");
        }

        _ = Time;
    }

    protected override void OnReset()
    {
        var now = Time.NowNs;
        _s.Clk1HzTickOffset = TickOffsetFromCounter(now, 0, 1);
        _s.Clk100HzTickOffset = TickOffsetFromCounter(now, 0, 100);
        _s.PsCntrSyncTicks = now;
    }

    /// <summary>QEMU's muldiv64(a, b, c): a * b / c with a 128-bit intermediate.</summary>
    private static ulong MulDiv(ulong a, uint b, uint c) => (ulong)((UInt128)a * b / c);

    private static uint CounterFromTickOffset(long now, long tickOffset, uint frq) =>
        (uint)MulDiv((ulong)(now - tickOffset), frq, (uint)NsPerSecond);

    private static long TickOffsetFromCounter(long now, uint count, uint frq) =>
        now - (long)MulDiv(count, (uint)NsPerSecond, frq);

    private void ResyncCounter()
    {
        var now = Time.NowNs;
        var elapsed = now - _s.PsCntrSyncTicks;
        var ticks = MulDiv((ulong)elapsed, _prescaleClk, (uint)NsPerSecond);
        if (ticks == 0)
        {
            return;
        }

        if (ticks < _s.PsCntr)
        {
            _s.PsCntr -= (uint)ticks;
        }
        else if (_s.Prescale == 0)
        {
            // PSCNTR sticks at 0 with a zero reload, so COUNTER increments every tick after that.
            _s.Counter += (uint)(ticks - _s.PsCntr);
            _s.PsCntr = 0;
        }
        else
        {
            // y counts ticks since PSCNTR last passed PRESCALE; each PRESCALE+1 ticks is one COUNTER step.
            var y = ticks - _s.PsCntr + _s.Prescale;
            _s.PsCntr = _s.Prescale - (uint)(y % ((ulong)_s.Prescale + 1));
            _s.Counter += (uint)(y / ((ulong)_s.Prescale + 1));
        }

        // Advance only to the last whole tick so repeated resyncs within a tick lose no time.
        _s.PsCntrSyncTicks += (long)MulDiv(ticks, (uint)NsPerSecond, _prescaleClk);
    }
}
