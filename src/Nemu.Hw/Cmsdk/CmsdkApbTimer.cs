// Implements: QEMU 7.2 hw/timer/cmsdk-apb-timer.c (mprofile.md §6.6; Arm DDI0479C "APB timer"): CTRL, VALUE,
// RELOAD (also sets VALUE; 0 stops), INTSTATUS (W1C), PID/CID; a ptimer at PCLK with QEMU's policy
// (wrap after one period, trigger only on decrement, no immediate reload, no counter round-down), so the
// interrupt fires on the 1 -> 0 transition, the count holds 0 for one tick, then reloads; IRQ level =
// INTSTATUS. Messages are QEMU's (-d guest_errors, -d unimp for EXTIN).
// Not modelled: EXTIN as enable or clock (logged as unimplemented, as QEMU does).
using Nemu.Core;
using Nemu.Core.Irq;
using Nemu.Core.Logging;
using Nemu.Core.State;
using Nemu.Core.Time;
using Nemu.Hw.Misc;
using Nemu.Memory;
using Nemu.Qdev;

namespace Nemu.Hw.Cmsdk;

/// <summary>QEMU's <c>cmsdk-apb-timer</c>: one 32-bit down-counter with an interrupt (sysbus irq 0).</summary>
public sealed class CmsdkApbTimer : HwSysBusDevice, IMemoryRegionOps
{
    public new const string TypeName = "cmsdk-apb-timer";

    public const uint CtrlEn = 1 << 0;
    public const uint CtrlIrqEn = 1 << 3;

    /// <summary>QEMU's policy for this device's ptimer.</summary>
    public const PtimerPolicy Policy = PtimerPolicy.WrapAfterOnePeriod | PtimerPolicy.TriggerOnlyOnDecrement |
        PtimerPolicy.NoImmediateReload | PtimerPolicy.NoCounterRoundDown;

    private static readonly byte[] IdRegisters = [0x04, 0x00, 0x00, 0x00, 0x22, 0xb8, 0x1b, 0x00, 0x0d, 0xf0, 0x05, 0xb1];

    public static readonly StateDescription<CmsdkApbTimerState> Vmsd =
        StateDescription<CmsdkApbTimerState>.Builder(TypeName, 2, 2)
            .Struct("timer", s => s.Timer, PtimerStateFields.Vmsd)
            .UInt32("ctrl", s => ref s.Ctrl)
            .UInt32("value", s => ref s.Value)
            .UInt32("reload", s => ref s.Reload)
            .UInt32("intstatus", s => ref s.IntStatus)
            .Build();

    public static readonly DeviceType TypeInfo =
        DeviceType.Define(TypeName, () => new CmsdkApbTimer())
            .Parent(SysBusDevice.TypeName)
            .Property(ClockCodec.Property<CmsdkApbTimer>("pclk", d => d.Pclk))
            .Build();

    private readonly CmsdkApbTimerState _s = new();
    private readonly IrqLine _timerInt;
    private Ptimer? _timer;

    public CmsdkApbTimer()
    {
        InitMmio(MemoryRegion.CreateIo(TypeName, 0x1000, this, this));
        _timerInt = InitIrq();
        Pclk.OnChanged(OnClockChanged);
        InitState(Vmsd, _s);
    }

    /// <summary>The <c>pclk</c> clock input; must have a source before realize.</summary>
    public DeviceClock Pclk { get; } = new("pclk");

    public AccessConstraints Constraints => AccessConstraints.Default;

    public CmsdkApbTimerState State => _s;

    private Ptimer Timer => _timer ?? throw new InvalidOperationException($"{TypeName} is not realized");

    public MemTxResult Read(ulong offset, uint size, MemTxAttrs attrs, out ulong value)
    {
        switch (offset)
        {
            case 0x00: value = _s.Ctrl; break;
            case 0x04: value = Timer.GetCount(); break;
            case 0x08: value = Timer.Limit; break;
            case 0x0c: value = _s.IntStatus; break;
            case >= 0xfd0 and <= 0xffc: value = IdRegisters[(offset - 0xfd0) / 4]; break;
            default:
                if (Log.IsEnabled(LogItem.GuestErrors))
                {
                    Log.Write(LogItem.GuestErrors, $"CMSDK APB timer read: bad offset {(int)offset:x}");
                }

                value = 0;
                break;
        }

        return MemTxResult.Ok;
    }

    public MemTxResult Write(ulong offset, ulong value, uint size, MemTxAttrs attrs)
    {
        var timer = Timer;
        var v = (uint)value;
        switch (offset)
        {
            case 0x00:
                if ((v & 6) != 0 && Log.IsEnabled(LogItem.Unimp))
                {
                    Log.Write(LogItem.Unimp, "CMSDK APB timer: EXTIN input not supported");
                }

                _s.Ctrl = v & 0xf;
                timer.BeginTransaction();
                if ((_s.Ctrl & CtrlEn) != 0)
                {
                    timer.Run(timer.Limit == 0);
                }
                else
                {
                    timer.Stop();
                }

                timer.CommitTransaction();
                break;
            case 0x08:
                timer.BeginTransaction();
                if (v == 0)
                {
                    timer.Stop();
                }

                timer.SetLimit(v, reload: true);
                if (v != 0 && (_s.Ctrl & CtrlEn) != 0)
                {
                    // Restart an expired one-shot timer.
                    timer.Run(false);
                }

                timer.CommitTransaction();
                break;
            case 0x04:
                timer.BeginTransaction();
                if (v == 0 && timer.Limit == 0)
                {
                    timer.Stop();
                }

                timer.SetCount(v);
                if (v != 0 && (_s.Ctrl & CtrlEn) != 0)
                {
                    timer.Run(timer.Limit == 0);
                }

                timer.CommitTransaction();
                break;
            case 0x0c:
                _s.IntStatus &= ~(v & 1);
                Update();
                break;
            case >= 0xfd0 and <= 0xffc:
                if (Log.IsEnabled(LogItem.GuestErrors))
                {
                    Log.Write(LogItem.GuestErrors, $"CMSDK APB timer write: write to RO offset 0x{(int)offset:x}");
                }

                break;
            default:
                if (Log.IsEnabled(LogItem.GuestErrors))
                {
                    Log.Write(LogItem.GuestErrors, $"CMSDK APB timer write: bad offset 0x{(int)offset:x}");
                }

                break;
        }

        return MemTxResult.Ok;
    }

    protected override void OnRealize()
    {
        if (!Pclk.HasSource)
        {
            throw new QdevException("CMSDK APB timer: pclk clock must be connected");
        }

        _timer = new Ptimer(Time, TypeName, Tick, Policy);
        _s.Timer.Live = _timer;
        OnClockChanged();
    }

    protected override void OnReset()
    {
        var timer = Timer;
        timer.BeginTransaction();
        timer.Stop();
        timer.SetLimit(0, reload: true);
        timer.CommitTransaction();
        Update();
    }

    private void OnClockChanged()
    {
        if (_timer is null)
        {
            return;
        }

        _timer.BeginTransaction();
        _timer.SetPeriodFromClock(Pclk.Period, 1);
        _timer.CommitTransaction();
    }

    private void Tick()
    {
        if ((_s.Ctrl & CtrlIrqEn) != 0)
        {
            _s.IntStatus |= 1;
            Update();
        }
    }

    private void Update() => _timerInt.Set((_s.IntStatus & 1) != 0);
}
