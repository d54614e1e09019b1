// Implements: QEMU 7.2 hw/timer/cmsdk-apb-dualtimer.c (mprofile.md §6.7; Arm DDI0479C "APB dual-input
// timers"): two modules at +0x00/+0x20 with LOAD, VALUE, CONTROL (oneshot, 16/32-bit, prescale 1/16/256,
// INTEN, periodic/free-running, ENABLE; reset 0x20), INTCLR, RIS, MIS, BGLOAD; ITCR/ITOP integration test
// outputs; PID/CID. Outputs: sysbus irq 0 = TIMINTC (combined), 1 = TIMINT1, 2 = TIMINT2.
// Accesses are 4 bytes to the device (impl 4; narrower guest accesses are widened as QEMU's memory core does).
using Nemu.Core;
using Nemu.Core.Irq;
using Nemu.Core.Logging;
using Nemu.Core.State;
using Nemu.Core.Time;
using Nemu.Hw.Misc;
using Nemu.Memory;
using Nemu.Qdev;

namespace Nemu.Hw.Cmsdk;

/// <summary>QEMU's <c>cmsdk-apb-dualtimer</c>.</summary>
public sealed class CmsdkApbDualTimer : HwSysBusDevice, IMemoryRegionOps
{
    public new const string TypeName = "cmsdk-apb-dualtimer";

    public const uint ControlOneshot = 1 << 0;
    public const uint ControlSize = 1 << 1;
    public const uint ControlPrescaleMask = 3 << 2;
    public const uint ControlIntEn = 1 << 5;
    public const uint ControlMode = 1 << 6;
    public const uint ControlEnable = 1 << 7;
    public const uint ControlValidMask = ControlOneshot | ControlSize | ControlPrescaleMask | ControlIntEn | ControlMode | ControlEnable;

    private static readonly byte[] IdRegisters = [0x04, 0x00, 0x00, 0x00, 0x23, 0xb8, 0x1b, 0x00, 0x0d, 0xf0, 0x05, 0xb1];

    private static readonly AccessConstraints Access = new()
    {
        ValidMinAccessSize = 1,
        ValidMaxAccessSize = 4,
        ImplMinAccessSize = 4,
        ImplMaxAccessSize = 4,
    };

    public static readonly StateDescription<CmsdkApbDualTimerState> Vmsd =
        StateDescription<CmsdkApbDualTimerState>.Builder(TypeName, 2, 2)
            .StructArray("timermod", s => s.TimerMod, 2, CmsdkApbDualTimerModuleState.Vmsd)
            .UInt32("timeritcr", s => ref s.TimerItcr)
            .UInt32("timeritop", s => ref s.TimerItop)
            .Build();

    public static readonly DeviceType TypeInfo =
        DeviceType.Define(TypeName, () => new CmsdkApbDualTimer())
            .Parent(SysBusDevice.TypeName)
            .Property(ClockCodec.Property<CmsdkApbDualTimer>("TIMCLK", d => d.Timclk))
            .Build();

    private readonly CmsdkApbDualTimerState _s = new();
    private readonly IrqLine _timIntC;
    private readonly IrqLine[] _timInt = new IrqLine[2];
    private readonly Ptimer?[] _timers = new Ptimer?[2];

    public CmsdkApbDualTimer()
    {
        InitMmio(MemoryRegion.CreateIo(TypeName, 0x1000, this, this));
        _timIntC = InitIrq();
        _timInt[0] = InitIrq();
        _timInt[1] = InitIrq();
        Timclk.OnChanged(OnClockChanged);
        InitState(Vmsd, _s);
    }

    /// <summary>The <c>TIMCLK</c> clock input; must have a source before realize.</summary>
    public DeviceClock Timclk { get; } = new("TIMCLK");

    public AccessConstraints Constraints => Access;

    public CmsdkApbDualTimerState State => _s;

    public MemTxResult Read(ulong offset, uint size, MemTxAttrs attrs, out ulong value)
    {
        value = 0;
        if (offset >= 0xf00)
        {
            switch (offset)
            {
                case 0xf00: value = _s.TimerItcr; return MemTxResult.Ok;
                case >= 0xfd0 and <= 0xffc: value = IdRegisters[(offset - 0xfd0) / 4]; return MemTxResult.Ok;
            }

            return BadRead(offset, out value);
        }

        var n = (int)(offset >> 5);
        if (n >= 2)
        {
            return BadRead(offset, out value);
        }

        var m = _s.TimerMod[n];
        var timer = TimerOf(n);
        switch (offset & 0x1f)
        {
            case 0x00:
            case 0x18:
                if ((m.Control & ControlMode) != 0)
                {
                    value = (uint)timer.Limit;
                    if ((m.Control & ControlSize) == 0)
                    {
                        value = Deposit16(m.Load, (uint)value);
                    }
                }
                else
                {
                    value = m.Load;
                }

                break;
            case 0x04:
                value = (uint)timer.GetCount();
                if ((m.Control & ControlSize) == 0)
                {
                    value = Deposit16(m.Value, (uint)value);
                }

                break;
            case 0x08: value = m.Control; break;
            case 0x10: value = m.IntStatus; break;
            case 0x14: value = ModuleIntStatus(m) ? 1u : 0u; break;
            default: return BadRead(offset, out value);
        }

        return MemTxResult.Ok;
    }

    public MemTxResult Write(ulong offset, ulong value, uint size, MemTxAttrs attrs)
    {
        var v = (uint)value;
        if (offset >= 0xf00)
        {
            switch (offset)
            {
                case 0xf00:
                    _s.TimerItcr = v & 1;
                    Update();
                    return MemTxResult.Ok;
                case 0xf04:
                    _s.TimerItop = v & 3;
                    Update();
                    return MemTxResult.Ok;
            }

            return BadWrite(offset);
        }

        var n = (int)(offset >> 5);
        if (n >= 2)
        {
            return BadWrite(offset);
        }

        var m = _s.TimerMod[n];
        var timer = TimerOf(n);
        switch (offset & 0x1f)
        {
            case 0x00:
                m.Load = v;
                m.Value = v;
                if ((m.Control & ControlSize) == 0)
                {
                    v &= 0xffff;
                }

                timer.BeginTransaction();
                if ((m.Control & ControlMode) == 0)
                {
                    // Free-running: no limit, but the count still changes.
                    timer.SetCount(v);
                }
                else
                {
                    if (v == 0)
                    {
                        timer.Stop();
                    }

                    timer.SetLimit(v, reload: true);
                    if (v != 0 && (m.Control & ControlEnable) != 0)
                    {
                        // Restart a possibly expired one-shot timer.
                        timer.Run(true);
                    }
                }

                timer.CommitTransaction();
                break;
            case 0x18:
                m.Load = v;
                if ((m.Control & ControlMode) == 0)
                {
                    break;
                }

                if ((m.Control & ControlSize) == 0)
                {
                    v &= 0xffff;
                }

                timer.BeginTransaction();
                timer.SetLimit(v, reload: false);
                timer.CommitTransaction();
                break;
            case 0x08:
                WriteControl(m, timer, v, Timclk.Period);
                Update();
                break;
            case 0x0c:
                m.IntStatus = 0;
                Update();
                break;
            default:
                return BadWrite(offset);
        }

        return MemTxResult.Ok;
    }

    protected override void OnRealize()
    {
        if (!Timclk.HasSource)
        {
            throw new QdevException("CMSDK APB dualtimer: TIMCLK clock must be connected");
        }

        for (var i = 0; i < 2; i++)
        {
            var module = _s.TimerMod[i];
            var timer = new Ptimer(Time, $"{TypeName}[{i}]", () => Tick(module), CmsdkApbTimer.Policy);
            _timers[i] = timer;
            module.Timer.Live = timer;
        }
    }

    protected override void OnReset()
    {
        for (var i = 0; i < 2; i++)
        {
            var m = _s.TimerMod[i];
            var timer = TimerOf(i);
            timer.BeginTransaction();
            timer.Stop();
            // Free-running, 16-bit, VALUE 0xFFFFFFFF: the ptimer count and limit are both 0xFFFF.
            timer.SetLimit(0xffff, reload: true);
            timer.SetPeriodFromClock(Timclk.Period, Divisor(m.Control));
            timer.CommitTransaction();
        }

        Update();
    }

    private static uint Deposit16(uint into, uint low) => (into & 0xffff0000) | (low & 0xffff);

    private static uint Divisor(uint control) => ((control & ControlPrescaleMask) >> 2) switch
    {
        0 => 1,
        1 => 16,
        _ => 256,
    };

    private static bool ModuleIntStatus(CmsdkApbDualTimerModuleState m) => m.IntStatus != 0 && (m.Control & ControlIntEn) != 0;

    private static void WriteControl(CmsdkApbDualTimerModuleState m, Ptimer timer, uint newCtrl, ulong clockPeriod)
    {
        timer.BeginTransaction();
        newCtrl &= ControlValidMask;
        var changed = m.Control ^ newCtrl;
        if ((changed & ~newCtrl & ControlEnable) != 0)
        {
            timer.Stop();
        }

        if ((changed & ControlPrescaleMask) != 0)
        {
            if ((newCtrl & ControlPrescaleMask) == ControlPrescaleMask && Log.IsEnabled(LogItem.GuestErrors))
            {
                Log.Write(LogItem.GuestErrors, "CMSDK APB dual-timer: CONTROL.PRESCALE==0b11 is undefined behaviour");
            }

            timer.SetPeriodFromClock(clockPeriod, Divisor(newCtrl));
        }

        if ((changed & ControlMode) != 0)
        {
            uint load;
            if ((newCtrl & ControlMode) != 0)
            {
                load = m.Load;
            }
            else
            {
                load = (uint)timer.Limit;
                if ((m.Control & ControlSize) == 0)
                {
                    load = Deposit16(m.Load, load);
                }

                m.Load = load;
                load = 0xffffffff;
            }

            if ((m.Control & ControlSize) == 0)
            {
                load &= 0xffff;
            }

            timer.SetLimit(load, reload: false);
        }

        if ((changed & ControlSize) != 0)
        {
            var value = (uint)timer.GetCount();
            var load = (uint)timer.Limit;
            if ((newCtrl & ControlSize) != 0)
            {
                value = Deposit16(m.Value, value);
            }
            else
            {
                m.Value = value;
                value &= 0xffff;
            }

            if ((newCtrl & ControlMode) != 0)
            {
                if ((newCtrl & ControlSize) != 0)
                {
                    load = Deposit16(m.Load, load);
                }
                else
                {
                    m.Load = load;
                    load &= 0xffff;
                }
            }
            else
            {
                load = (newCtrl & ControlSize) != 0 ? 0xffffffff : 0xffff;
            }

            timer.SetCount(value);
            timer.SetLimit(load, reload: false);
        }

        if ((newCtrl & ControlEnable) != 0)
        {
            // Started even when ENABLE did not change: an expired one-shot may have become periodic.
            timer.Run((newCtrl & ControlOneshot) != 0);
        }

        m.Control = newCtrl;
        timer.CommitTransaction();
    }

    private Ptimer TimerOf(int n) => _timers[n] ?? throw new InvalidOperationException($"{TypeName} is not realized");

    private void OnClockChanged()
    {
        for (var i = 0; i < 2; i++)
        {
            if (_timers[i] is not { } timer)
            {
                continue;
            }

            timer.BeginTransaction();
            timer.SetPeriodFromClock(Timclk.Period, Divisor(_s.TimerMod[i].Control));
            timer.CommitTransaction();
        }
    }

    private void Tick(CmsdkApbDualTimerModuleState m)
    {
        m.IntStatus = 1;
        Update();
    }

    private void Update()
    {
        bool int1, int2;
        if (_s.TimerItcr != 0)
        {
            int1 = (_s.TimerItop & 1) != 0;
            int2 = (_s.TimerItop & 2) != 0;
        }
        else
        {
            int1 = ModuleIntStatus(_s.TimerMod[0]);
            int2 = ModuleIntStatus(_s.TimerMod[1]);
        }

        _timInt[0].Set(int1);
        _timInt[1].Set(int2);
        _timIntC.Set(int1 || int2);
    }

    private static MemTxResult BadRead(ulong offset, out ulong value)
    {
        if (Log.IsEnabled(LogItem.GuestErrors))
        {
            Log.Write(LogItem.GuestErrors, $"CMSDK APB dual-timer read: bad offset {(int)offset:x}");
        }

        value = 0;
        return MemTxResult.Ok;
    }

    private static MemTxResult BadWrite(ulong offset)
    {
        if (Log.IsEnabled(LogItem.GuestErrors))
        {
            Log.Write(LogItem.GuestErrors, $"CMSDK APB dual-timer write: bad offset {(int)offset:x}");
        }

        return MemTxResult.Ok;
    }
}
