// Implements: QEMU 7.2 hw/watchdog/cmsdk-apb-watchdog.c (mprofile.md §6.8; Arm DDI0479 "APB watchdog" and the
// TI LM3S6965 data sheet for the Luminary variant): LOAD, VALUE, CONTROL (INTEN starts/stops and reloads,
// RESEN), INTCLR, RIS, MIS, LOCK (0x1ACCE551 unlocks; any other value locks), ITCR/ITOP, PID/CID; first
// expiry raises WDOGINT (sysbus irq 0; MPS2 wires it to NMI), the second raises the reset request. The
// Luminary variant has other IDs, no ITCR/ITOP, a TEST register (stall, unimplemented) and ignores CONTROL
// writes once INTEN is set.
// Not modelled: the watchdog action (QEMU's watchdog_perform_action: reset by default) is reported through
// ResetRequested for the machine to act on.
using Nemu.Core;
using Nemu.Core.Irq;
using Nemu.Core.Logging;
using Nemu.Core.State;
using Nemu.Core.Time;
using Nemu.Hw.Misc;
using Nemu.Memory;
using Nemu.Qdev;

namespace Nemu.Hw.Cmsdk;

/// <summary>QEMU's <c>cmsdk-apb-watchdog</c> and <c>luminary-watchdog</c>.</summary>
public sealed class CmsdkApbWatchdog : HwSysBusDevice, IMemoryRegionOps
{
    public new const string TypeName = "cmsdk-apb-watchdog";
    public const string LuminaryTypeName = "luminary-watchdog";
    public const uint UnlockValue = 0x1ACCE551;
    public const uint ControlIntEn = 1 << 0;
    public const uint ControlResEn = 1 << 1;

    private static readonly byte[] CmsdkIds = [0x04, 0x00, 0x00, 0x00, 0x24, 0xb8, 0x1b, 0x00, 0x0d, 0xf0, 0x05, 0xb1];
    private static readonly byte[] LuminaryIds = [0x00, 0x00, 0x00, 0x00, 0x05, 0x18, 0x18, 0x01, 0x0d, 0xf0, 0x05, 0xb1];

    private static readonly AccessConstraints Access = new()
    {
        ValidMinAccessSize = 1,
        ValidMaxAccessSize = 4,
        ImplMinAccessSize = 4,
        ImplMaxAccessSize = 4,
    };

    public static readonly StateDescription<CmsdkApbWatchdogState> Vmsd =
        StateDescription<CmsdkApbWatchdogState>.Builder(TypeName, 2, 2)
            .Struct("timer", s => s.Timer, PtimerStateFields.Vmsd)
            .UInt32("control", s => ref s.Control)
            .UInt32("intstatus", s => ref s.IntStatus)
            .UInt32("lock", s => ref s.Lock)
            .UInt32("itcr", s => ref s.Itcr)
            .UInt32("itop", s => ref s.Itop)
            .UInt32("resetstatus", s => ref s.ResetStatus)
            .Build();

    public static readonly DeviceType TypeInfo =
        DeviceType.Define(TypeName, () => new CmsdkApbWatchdog(false))
            .Parent(SysBusDevice.TypeName)
            .Property(ClockCodec.Property<CmsdkApbWatchdog>("WDOGCLK", d => d.Wdogclk))
            .Build();

    public static readonly DeviceType LuminaryTypeInfo =
        DeviceType.Define(LuminaryTypeName, () => new CmsdkApbWatchdog(true))
            .Parent(TypeName)
            .Build();

    private readonly CmsdkApbWatchdogState _s = new();
    private readonly IrqLine _wdogInt;
    private readonly bool _isLuminary;
    private readonly byte[] _ids;
    private Ptimer? _timer;

    private CmsdkApbWatchdog(bool isLuminary)
    {
        _isLuminary = isLuminary;
        _ids = isLuminary ? LuminaryIds : CmsdkIds;
        InitMmio(MemoryRegion.CreateIo(TypeName, 0x1000, this, this));
        _wdogInt = InitIrq();
        Wdogclk.OnChanged(OnClockChanged);
        InitState(Vmsd, _s);
    }

    /// <summary>The <c>WDOGCLK</c> clock input; must have a source before realize.</summary>
    public DeviceClock Wdogclk { get; } = new("WDOGCLK");

    /// <summary>Raised when the watchdog asks for its action (QEMU's watchdog_perform_action, a system reset by default).</summary>
    public event Action? ResetRequested;

    public AccessConstraints Constraints => Access;

    public CmsdkApbWatchdogState State => _s;

    private Ptimer Timer => _timer ?? throw new InvalidOperationException($"{Type.Name} is not realized");

    public MemTxResult Read(ulong offset, uint size, MemTxAttrs attrs, out ulong value)
    {
        value = 0;
        switch (offset)
        {
            case 0x000: value = Timer.Limit; break;
            case 0x004: value = Timer.GetCount(); break;
            case 0x008: value = _s.Control; break;
            case 0x010: value = _s.IntStatus; break;
            case 0x014: value = MaskedInt() ? 1u : 0u; break;
            case 0xc00: value = _s.Lock; break;
            case 0xf00 when !_isLuminary: value = _s.Itcr; break;
            case >= 0xfd0 and <= 0xffc: value = _ids[(offset - 0xfd0) / 4]; break;
            case 0x00c or 0xf04 when !_isLuminary:
                GuestError($"CMSDK APB watchdog read: read of WO offset {(int)offset:x}");
                break;
            case 0x418 when _isLuminary:
                if (Log.IsEnabled(LogItem.Unimp))
                {
                    Log.Write(LogItem.Unimp, "Luminary watchdog read: stall not implemented");
                }

                break;
            default:
                GuestError($"CMSDK APB watchdog read: bad offset {(int)offset:x}");
                break;
        }

        return MemTxResult.Ok;
    }

    public MemTxResult Write(ulong offset, ulong value, uint size, MemTxAttrs attrs)
    {
        var v = (uint)value;
        if (_s.Lock != 0 && offset != 0xc00)
        {
            GuestError("CMSDK APB watchdog write: write to locked watchdog");
            return MemTxResult.Ok;
        }

        var timer = Timer;
        switch (offset)
        {
            case 0x000:
                timer.BeginTransaction();
                timer.SetLimit(v, reload: true);
                timer.CommitTransaction();
                break;
            case 0x008:
                WriteControl(timer, v);
                break;
            case 0x00c:
                _s.IntStatus = 0;
                timer.BeginTransaction();
                timer.SetCount(timer.Limit);
                timer.CommitTransaction();
                Update();
                break;
            case 0xc00:
                _s.Lock = v != UnlockValue ? 1u : 0u;
                break;
            case 0xf00 when !_isLuminary:
                _s.Itcr = v & 1;
                Update();
                break;
            case 0xf04 when !_isLuminary:
                _s.Itop = v & 3;
                Update();
                break;
            case 0x004 or 0x010 or 0x014 or (>= 0xfd0 and <= 0xffc):
                GuestError($"CMSDK APB watchdog write: write to RO offset 0x{(int)offset:x}");
                break;
            case 0x418 when _isLuminary:
                if (Log.IsEnabled(LogItem.Unimp))
                {
                    Log.Write(LogItem.Unimp, "Luminary watchdog write: stall not implemented");
                }

                break;
            default:
                GuestError($"CMSDK APB watchdog write: bad offset 0x{(int)offset:x}");
                break;
        }

        return MemTxResult.Ok;
    }

    protected override void OnRealize()
    {
        if (!Wdogclk.HasSource)
        {
            throw new QdevException("CMSDK APB watchdog: WDOGCLK clock must be connected");
        }

        _timer = new Ptimer(Time, Type.Name, Tick, CmsdkApbTimer.Policy);
        _s.Timer.Live = _timer;
        OnClockChanged();
    }

    protected override void OnReset()
    {
        var timer = Timer;
        timer.BeginTransaction();
        // Stop first: stopping after the new limit would recompute the count from the running timer.
        timer.Stop();
        timer.SetLimit(0xffffffff, reload: true);
        timer.CommitTransaction();
        Update();
    }

    private static void GuestError(string message)
    {
        if (Log.IsEnabled(LogItem.GuestErrors))
        {
            Log.Write(LogItem.GuestErrors, message);
        }
    }

    private void WriteControl(Ptimer timer, uint v)
    {
        var previous = _s.Control;
        if (_isLuminary && (_s.Control & ControlIntEn) != 0)
        {
            // Luminary: once interrupts are enabled only a reset can change CONTROL.
            return;
        }

        _s.Control = v & (ControlIntEn | ControlResEn);
        if (((_s.Control ^ previous) & ControlIntEn) != 0)
        {
            timer.BeginTransaction();
            if ((_s.Control & ControlIntEn) != 0)
            {
                timer.SetCount(timer.Limit);
                timer.Run(false);
            }
            else
            {
                timer.Stop();
            }

            timer.CommitTransaction();
        }

        Update();
    }

    private bool MaskedInt() => _s.IntStatus != 0 && (_s.Control & ControlIntEn) != 0;

    private void OnClockChanged()
    {
        if (_timer is null)
        {
            return;
        }

        _timer.BeginTransaction();
        _timer.SetPeriodFromClock(Wdogclk.Period, 1);
        _timer.CommitTransaction();
    }

    private void Tick()
    {
        if (_s.IntStatus == 0)
        {
            _s.IntStatus = 1;
        }
        else
        {
            _s.ResetStatus = 1;
            Timer.Stop();
        }

        Update();
    }

    private void Update()
    {
        bool wdogInt, wdogRes;
        if (_s.Itcr != 0)
        {
            wdogInt = (_s.Itop & 2) != 0;
            wdogRes = (_s.Itop & 1) != 0;
        }
        else
        {
            wdogInt = MaskedInt();
            wdogRes = _s.ResetStatus != 0 && (_s.Control & ControlResEn) != 0;
        }

        _wdogInt.Set(wdogInt);
        if (wdogRes)
        {
            ResetRequested?.Invoke();
        }
    }
}
