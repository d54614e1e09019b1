// The migratable state of gpio-key, in QEMU 7.2's vmstate "gpio-key" v1 (hw/gpio/gpio_key.c): the release timer.
namespace Nemu.Hw.Gpio;

/// <summary>Plain-data state of <see cref="GpioKey"/>.</summary>
public sealed class GpioKeyState
{
    /// <summary>Virtual-clock expiry of the key release, -1 when idle.</summary>
    public long TimerExpiry = -1;
}
