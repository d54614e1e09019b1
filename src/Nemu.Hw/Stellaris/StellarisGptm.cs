// Implements: QEMU 7.2's stellaris-gptm (hw/arm/stellaris.c "General purpose timer module"; mprofile.md §6.9;
// TI LM3S6965 data sheet "General-Purpose Timers"): CFG, TAMR/TBMR, CTL, IMR, RIS, MIS, ICR, TAILR/TBILR,
// TAMATCHR/TBMATCHR, TAPR/TBPR, TAPMR/TBPMR; 32-bit one-shot/periodic countdown (CFG 0) timed from the clk
// input, 32-bit RTC (CFG 1) at 1 Hz; sysbus irq 0 = RIS & IMR, unnamed GPIO out 0 = ADC trigger pulse.
// QEMU's quirks kept: TBPMR writes land in TAPMR, TBMATCHR stores value >> 16, bad offsets are logged as
// "0x02" followed by the hex offset (a format slip in QEMU), TAR/TBR reads are unimplemented.
// Not modelled: 16-bit modes (logged unimplemented, as in QEMU), PWM, capture; QEMU has no reset for this
// device (state survives a system reset) — here a reset clears it like every device.
using Nemu.Core;
using Nemu.Core.Irq;
using Nemu.Core.Logging;
using Nemu.Core.State;
using Nemu.Core.Time;
using Nemu.Hw.Misc;
using Nemu.Memory;
using Nemu.Qdev;

namespace Nemu.Hw.Stellaris;

/// <summary>QEMU's <c>stellaris-gptm</c>.</summary>
public sealed class StellarisGptm : HwSysBusDevice, IMemoryRegionOps
{
    public new const string TypeName = "stellaris-gptm";
    private const long NsPerSecond = 1_000_000_000;

    public static readonly StateDescription<StellarisGptmState> Vmsd =
        StateDescription<StellarisGptmState>.Builder("stellaris_gptm", 2, 2)
            .UInt32("config", s => ref s.Config)
            .UInt32Array("mode", s => s.Mode, 2)
            .UInt32("control", s => ref s.Control)
            .UInt32("state", s => ref s.State)
            .UInt32("mask", s => ref s.Mask)
            .Buffer("unused", s => s.Unused, 8)
            .UInt32Array("load", s => s.Load, 2)
            .UInt32Array("match", s => s.Match, 2)
            .UInt32Array("prescale", s => s.Prescale, 2)
            .UInt32Array("match_prescale", s => s.MatchPrescale, 2)
            .UInt32("rtc", s => ref s.Rtc)
            .UInt64Array("tick", s => s.Tick, 2)
            .Timer("timer[0]", s => s.TimerExpire[0], (s, v) => s.TimerExpire[0] = v)
            .Timer("timer[1]", s => s.TimerExpire[1], (s, v) => s.TimerExpire[1] = v)
            .PostLoad((s, _) => s.Loaded?.Invoke())
            .Build();

    public static readonly DeviceType TypeInfo =
        DeviceType.Define(TypeName, () => new StellarisGptm())
            .Parent(SysBusDevice.TypeName)
            .Property(ClockCodec.Property<StellarisGptm>("clk", d => d.Clk))
            .Build();

    private readonly StellarisGptmState _s = new();
    private readonly IrqLine _irq;
    private readonly IrqLine _trigger;
    private readonly ClockTimer?[] _timers = new ClockTimer?[2];

    public StellarisGptm()
    {
        _irq = InitIrq();
        _trigger = InitGpioOut(null, 1)[0];
        InitMmio(MemoryRegion.CreateIo("gptm", 0x1000, this, this));
        _s.Loaded = AfterLoad;
        InitState(Vmsd, _s);
    }

    /// <summary>The <c>clk</c> input (the board connects stellaris-sys SYSCLK).</summary>
    public DeviceClock Clk { get; } = new("clk");

    public AccessConstraints Constraints => AccessConstraints.Default;

    public StellarisGptmState State => _s;

    public MemTxResult Read(ulong offset, uint size, MemTxAttrs attrs, out ulong value)
    {
        value = offset switch
        {
            0x00 => _s.Config,
            0x04 => _s.Mode[0],
            0x08 => _s.Mode[1],
            0x0c => _s.Control,
            0x18 => _s.Mask,
            0x1c => _s.State,
            0x20 => _s.State & _s.Mask,
            0x24 => 0,
            0x28 => _s.Load[0] | (_s.Config < 4 ? _s.Load[1] << 16 : 0),
            0x2c => _s.Load[1],
            0x30 => _s.Match[0] | (_s.Config < 4 ? _s.Match[1] << 16 : 0),
            0x34 => _s.Match[1],
            0x38 => _s.Prescale[0],
            0x3c => _s.Prescale[1],
            0x40 => _s.MatchPrescale[0],
            0x44 => _s.MatchPrescale[1],
            0x48 when _s.Config == 1 => _s.Rtc,
            0x48 => Unimp("GPTM: read of TAR but timer read not supported"),
            0x4c => Unimp("GPTM: read of TBR but timer read not supported"),
            _ => BadOffset("read", offset),
        };
        return MemTxResult.Ok;
    }

    public MemTxResult Write(ulong offset, ulong value, uint size, MemTxAttrs attrs)
    {
        var v = (uint)value;
        switch (offset)
        {
            case 0x00: _s.Config = v; break;
            case 0x04: _s.Mode[0] = v; break;
            case 0x08: _s.Mode[1] = v; break;
            case 0x0c:
                var old = _s.Control;
                _s.Control = v;
                if (((old ^ v) & 1) != 0)
                {
                    if ((v & 1) != 0)
                    {
                        Reload(0, reset: true);
                    }
                    else
                    {
                        Stop(0);
                    }
                }

                if (((old ^ v) & 0x100) != 0 && _s.Config >= 4)
                {
                    if ((v & 0x100) != 0)
                    {
                        Reload(1, reset: true);
                    }
                    else
                    {
                        Stop(1);
                    }
                }

                break;
            case 0x18: _s.Mask = v & 0x77; break;
            case 0x24: _s.State &= ~v; break;
            case 0x28:
                _s.Load[0] = v & 0xffff;
                if (_s.Config < 4)
                {
                    _s.Load[1] = v >> 16;
                }

                break;
            case 0x2c: _s.Load[1] = v & 0xffff; break;
            case 0x30:
                _s.Match[0] = v & 0xffff;
                if (_s.Config < 4)
                {
                    _s.Match[1] = v >> 16;
                }

                break;
            case 0x34: _s.Match[1] = v >> 16; break;
            case 0x38: _s.Prescale[0] = v; break;
            case 0x3c: _s.Prescale[1] = v; break;
            case 0x40: _s.MatchPrescale[0] = v; break;
            case 0x44: _s.MatchPrescale[0] = v; break;
            default: BadOffset("write", offset); break;
        }

        UpdateIrq();
        return MemTxResult.Ok;
    }

    protected override void OnRealize()
    {
        if (!Clk.HasSource)
        {
            throw new QdevException("stellaris-gptm: clk must be connected");
        }

        _timers[0] = Time.CreateTimer(ClockType.Virtual, $"{TypeName}[0]", () => Tick(0));
        _timers[1] = Time.CreateTimer(ClockType.Virtual, $"{TypeName}[1]", () => Tick(1));
    }

    protected override void OnReset()
    {
        Stop(0);
        Stop(1);
        UpdateIrq();
    }

    /// <summary>Re-arms the timers from the loaded state (QEMU's VMSTATE_TIMER_PTR_ARRAY).</summary>
    private void AfterLoad()
    {
        for (var i = 0; i < 2; i++)
        {
            if (_s.TimerExpire[i] >= 0)
            {
                _timers[i]?.Modify(_s.TimerExpire[i]);
            }
            else
            {
                _timers[i]?.Cancel();
            }
        }
    }

    private static uint Unimp(string message)
    {
        if (Log.IsEnabled(LogItem.Unimp))
        {
            Log.Write(LogItem.Unimp, message);
        }

        return 0;
    }

    private static uint BadOffset(string kind, ulong offset)
    {
        if (Log.IsEnabled(LogItem.GuestErrors))
        {
            Log.Write(LogItem.GuestErrors, $"GPTM: {kind} at bad offset 0x02{offset:x}");
        }

        return 0;
    }

    private void Stop(int n)
    {
        _timers[n]?.Cancel();
        _s.TimerExpire[n] = -1;
    }

    private void Reload(int n, bool reset)
    {
        var tick = reset ? Time.NowNs : (long)_s.Tick[n];
        if (_s.Config == 0)
        {
            var count = _s.Load[0] | (_s.Load[1] << 16);
            tick += Clk.TicksToNs(count);
        }
        else if (_s.Config == 1)
        {
            tick += NsPerSecond;
        }
        else if (_s.Mode[n] != 0xa)
        {
            Unimp($"GPTM: 16-bit timer mode unimplemented: 0x{_s.Mode[n]:x}");
            return;
        }

        _s.Tick[n] = (ulong)tick;
        _s.TimerExpire[n] = Math.Max(tick, 0);
        _timers[n]?.Modify(tick);
    }

    private void Tick(int n)
    {
        _s.TimerExpire[n] = -1;
        if (_s.Config == 0)
        {
            _s.State |= 1;
            if ((_s.Control & 0x20) != 0)
            {
                _trigger.Pulse();
            }

            if ((_s.Mode[0] & 1) != 0)
            {
                _s.Control &= ~1u;
            }
            else
            {
                Reload(0, reset: false);
            }
        }
        else if (_s.Config == 1)
        {
            _s.Rtc++;
            var match = _s.Match[0] | (_s.Match[1] << 16);
            if (_s.Rtc > match)
            {
                _s.Rtc = 0;
            }

            if (_s.Rtc == 0)
            {
                _s.State |= 8;
            }

            Reload(0, reset: false);
        }
        else if (_s.Mode[n] != 0xa)
        {
            Unimp($"GPTM: 16-bit timer mode unimplemented: 0x{_s.Mode[n]:x}");
        }

        UpdateIrq();
    }

    private void UpdateIrq() => _irq.Set((_s.State & _s.Mask) != 0);
}
