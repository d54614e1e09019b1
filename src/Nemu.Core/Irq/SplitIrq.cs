// QEMU's split-irq device (hw/core/split-irq.c): one input copied to num-lines outputs, in output order, on
// every input change. Used by dual-CPU SSE boards to deliver each expansion IRQ to both CPUs (mprofile.md §6).
// MAX_SPLIT_LINES is 16 in QEMU. Stateless, so nothing to migrate.
namespace Nemu.Core.Irq;

/// <summary>A one-to-N fan-out (QEMU's split-irq): drive <see cref="Input"/>, connect each of <see cref="Outputs"/>.</summary>
public sealed class SplitIrq
{
    /// <summary>Most outputs QEMU's split-irq accepts (MAX_SPLIT_LINES).</summary>
    public const int MaxLines = 16;

    /// <summary>Makes a splitter with <paramref name="lineCount"/> outputs named <c>name[i]</c> (QEMU's num-lines property).</summary>
    public SplitIrq(string name, int lineCount)
    {
        if (lineCount < 1 || lineCount > MaxLines)
        {
            throw new ArgumentOutOfRangeException(nameof(lineCount), lineCount, $"split-irq num-lines must be between 1 and {MaxLines}");
        }

        Name = name;
        Outputs = IrqLineArray.CreateOutputs(name, lineCount);
        Input = new IrqLine(name, OnInput);
    }

    public string Name { get; }

    /// <summary>The input line; a source drives it or is connected to <c>Input.Set</c>.</summary>
    public IrqLine Input { get; }

    /// <summary>The outputs, each repeating the input level.</summary>
    public IrqLine[] Outputs { get; }

    private void OnInput(bool level)
    {
        foreach (var output in Outputs)
        {
            output.Set(level);
        }
    }
}
