// Named GPIO arrays (QEMU's qdev_init_gpio_in_named / qdev_init_gpio_out_named): a device's inputs are lines
// whose sink is one handler told the line number; its outputs are unconnected lines for the board to wire.
// Lines are named "name[i]" as in `info qtree` gpio listings.
namespace Nemu.Core.Irq;

/// <summary>Builds arrays of named <see cref="IrqLine"/>s for device GPIO inputs and outputs.</summary>
public static class IrqLineArray
{
    /// <summary>
    /// <paramref name="count"/> input lines named <c>name[i]</c>; driving line i calls <paramref name="handler"/>(i, level)
    /// (QEMU's qemu_irq_handler with n).
    /// </summary>
    public static IrqLine[] CreateInputs(string name, int count, Action<int, bool> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var lines = new IrqLine[count];
        for (var i = 0; i < count; i++)
        {
            var line = i;
            lines[i] = new IrqLine(LineName(name, i), level => handler(line, level));
        }

        return lines;
    }

    /// <summary><paramref name="count"/> unconnected output lines named <c>name[i]</c>.</summary>
    public static IrqLine[] CreateOutputs(string name, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var lines = new IrqLine[count];
        for (var i = 0; i < count; i++)
        {
            lines[i] = new IrqLine(LineName(name, i));
        }

        return lines;
    }

    /// <summary>Connects <paramref name="outputs"/>[i] to <paramref name="inputs"/>[i] (qdev_connect_gpio_out for each line).</summary>
    public static void ConnectAll(IReadOnlyList<IrqLine> outputs, IReadOnlyList<IrqLine> inputs)
    {
        if (outputs.Count != inputs.Count)
        {
            throw new ArgumentException($"cannot connect {outputs.Count} outputs to {inputs.Count} inputs", nameof(inputs));
        }

        for (var i = 0; i < outputs.Count; i++)
        {
            outputs[i].Connect(inputs[i].Set);
        }
    }

    /// <summary>The name of line <paramref name="index"/> of array <paramref name="name"/>: <c>name[index]</c>.</summary>
    public static string LineName(string name, int index) => $"{name}[{index}]";
}
