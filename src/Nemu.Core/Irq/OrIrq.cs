// QEMU's or-irq device (hw/core/or-irq.c, include/hw/or-irq.h): the output is the logical OR of num-lines
// inputs, driven again on every input change (even when the OR does not change), as or_irq_handler does.
// MPS2 boards use it to combine the UART overflow lines (mprofile.md §6). MAX_OR_LINES is 48 in QEMU 7.2.
// The levels array is the migrated state ("or-irq" VMState); Levels/RestoreLevels expose it for VMState.
namespace Nemu.Core.Irq;

/// <summary>An N-input OR gate (QEMU's or-irq): connect sources to <see cref="Inputs"/>, the sink to <see cref="Output"/>.</summary>
public sealed class OrIrq
{
    /// <summary>Most inputs QEMU 7.2's or-irq accepts (MAX_OR_LINES).</summary>
    public const int MaxLines = 48;

    private readonly bool[] _levels;

    /// <summary>Makes an OR gate with <paramref name="lineCount"/> inputs named <c>name[i]</c> (QEMU's num-lines property).</summary>
    public OrIrq(string name, int lineCount)
    {
        if (lineCount < 1 || lineCount > MaxLines)
        {
            throw new ArgumentOutOfRangeException(nameof(lineCount), lineCount, $"or-irq num-lines must be between 1 and {MaxLines}");
        }

        Name = name;
        _levels = new bool[lineCount];
        Inputs = IrqLineArray.CreateInputs(name, lineCount, OnInput);
        Output = new IrqLine(name);
    }

    public string Name { get; }

    /// <summary>The input lines; drive them (or connect a device output to <c>Inputs[i].Set</c>).</summary>
    public IrqLine[] Inputs { get; }

    /// <summary>The OR of all inputs; <see cref="IrqLine.Connect"/> it to the receiver.</summary>
    public IrqLine Output { get; }

    /// <summary>Current input levels (the migrated state).</summary>
    public ReadOnlySpan<bool> Levels => _levels;

    /// <summary>Restores input levels after migration without driving the output (receivers restore their own state).</summary>
    public void RestoreLevels(ReadOnlySpan<bool> levels)
    {
        if (levels.Length != _levels.Length)
        {
            throw new ArgumentException($"or-irq {Name} has {_levels.Length} lines, state has {levels.Length}", nameof(levels));
        }

        levels.CopyTo(_levels);
    }

    private void OnInput(int line, bool level)
    {
        _levels[line] = level;
        var any = false;
        foreach (var l in _levels)
        {
            any |= l;
        }

        Output.Set(any);
    }
}
