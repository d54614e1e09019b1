// Implements: QEMU's NamedGPIOList (hw/core/gpio.c): per name, the device's input and output lines.
using Nemu.Core.Irq;

namespace Nemu.Qdev;

/// <summary>The GPIO lines a device declared under one name (null is QEMU's unnamed list, printed "").</summary>
public sealed class NamedGpioList
{
    internal NamedGpioList(string? name)
    {
        Name = name;
    }

    public string? Name { get; }

    public List<IrqLine> Inputs { get; } = [];

    public List<IrqLine> Outputs { get; } = [];

    /// <summary>
    /// qtest <c>irq_intercept_in</c>: <paramref name="observer"/> gets (line index, level) for every level driven
    /// onto an input, after the device's own handler ran (qemu_irq_intercept_in). Null ends the interception.
    /// </summary>
    public void InterceptInputs(Action<int, bool>? observer) => Intercept(Inputs, observer);

    /// <summary>
    /// qtest <c>irq_intercept_out</c>: <paramref name="observer"/> gets (line index, level) for every level the
    /// device drives onto an output, after the connected sink got it (qdev_intercept_gpio_out).
    /// </summary>
    public void InterceptOutputs(Action<int, bool>? observer) => Intercept(Outputs, observer);

    private static void Intercept(List<IrqLine> lines, Action<int, bool>? observer)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var index = i;
            lines[i].Intercept(observer is null ? null : level => observer(index, level));
        }
    }
}
