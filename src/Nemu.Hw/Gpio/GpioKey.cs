// Implements: QEMU 7.2 hw/gpio/gpio_key.c (`gpio-key`): a key press on gpio input 0 (a rising edge) raises sysbus
// IRQ 0 and releases it 100 ms of virtual time later. The virt board wires it to PL061 input 3 for the ACPI/DT
// power button. Nothing in Nemu presses it yet (QEMU's system_powerdown does).
using Nemu.Core.Irq;
using Nemu.Core.State;
using Nemu.Core.Time;
using Nemu.Hw.Misc;
using Nemu.Qdev;

namespace Nemu.Hw.Gpio;

/// <summary>QEMU's <c>gpio-key</c> pulse generator.</summary>
public sealed class GpioKey : HwSysBusDevice
{
    public new const string TypeName = "gpio-key";

    /// <summary>GPIO_KEY_LATENCY: how long a press stays asserted.</summary>
    public const long LatencyNs = 100_000_000;

    public static readonly StateDescription<GpioKeyState> Vmsd =
        StateDescription<GpioKeyState>.Builder(TypeName, 1, 1)
            .Timer("timer", s => s.TimerExpiry, (s, v) => s.TimerExpiry = v)
            .Build();

    public static readonly DeviceType TypeInfo =
        DeviceType.Define(TypeName, () => new GpioKey())
            .Parent(SysBusDevice.TypeName)
            .Build();

    private readonly GpioKeyState _s = new();
    private readonly IrqLine _irq;
    private ClockTimer? _timer;

    private GpioKey()
    {
        _irq = InitIrq();
        InitGpioIn(null, 1, (_, level) => Press(level));
        InitState(Vmsd, _s);
    }

    protected override void OnRealize() => _timer = Time.CreateTimer(ClockType.Virtual, TypeName, Release);

    protected override void OnReset()
    {
        _timer?.Cancel();
        _irq.Set(false);
    }

    private void Press(bool level)
    {
        if (level)
        {
            _irq.Set(true);
            _s.TimerExpiry = Time.NowNs + LatencyNs;
            _timer?.Modify(_s.TimerExpiry);
        }
    }

    private void Release()
    {
        _s.TimerExpiry = -1;
        _irq.Set(false);
    }
}
