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
}
