// One line of the Thumb decode table (Armv7-M ARM A5.2/A5.3): bit pattern, the manual's encoding name, the
// operation, the architecture it needs, and its operand form. Pattern syntax: '0'/'1' fixed bits, 'x' a
// should-be/ignored bit, letters are fields (a repeated letter concatenates, most significant first); spaces
// are ignored. 16 characters = a 16-bit encoding, 32 = a 32-bit one (first halfword first).
namespace Nemu.Arm.Decoding;

/// <summary>One encoding of the decode table.</summary>
public sealed class ThumbEncoding
{
    private readonly (int Letter, int Shift, int Width)[] _runs;

    public ThumbEncoding(string pattern, string name, ThumbOp op, ArchFeatures arch, OperandForm form, string? group = null)
    {
        Pattern = pattern.Replace(" ", string.Empty, StringComparison.Ordinal);
        if (Pattern.Length is not (16 or 32))
        {
            throw new ArgumentException($"{name}: pattern '{pattern}' must have 16 or 32 bits", nameof(pattern));
        }

        Name = name;
        Op = op;
        Arch = arch;
        Form = form;
        Group = group;
        Length = Pattern.Length / 8;
        var runs = new List<(int, int, int)>();
        var width = Pattern.Length;
        for (var i = 0; i < width; i++)
        {
            var c = Pattern[i];
            var bit = width - 1 - i;
            switch (c)
            {
                case '0':
                    Mask |= 1u << bit;
                    break;
                case '1':
                    Mask |= 1u << bit;
                    Value |= 1u << bit;
                    break;
                case 'x':
                    break;
                default:
                    var letter = FieldValues.Index(c);
                    if (letter < 0)
                    {
                        throw new ArgumentException($"{name}: bad pattern character '{c}'", nameof(pattern));
                    }

                    if (runs.Count > 0 && runs[^1].Item1 == letter && Pattern[i - 1] == c)
                    {
                        var last = runs[^1];
                        runs[^1] = (letter, bit, last.Item3 + 1);
                    }
                    else
                    {
                        runs.Add((letter, bit, 1));
                    }

                    break;
            }
        }

        _runs = [.. runs];
        Letters = new string([.. Pattern.Where(c => c != 'x' && char.IsLetter(c)).Distinct().Order()]);
    }

    public string Pattern { get; }

    /// <summary>The Arm ARM encoding name, e.g. "ADD (immediate) T1".</summary>
    public string Name { get; }

    public ThumbOp Op { get; }

    public ArchFeatures Arch { get; }

    public OperandForm Form { get; }

    /// <summary>The ordered overlap group this line belongs to (null: must not overlap anything).</summary>
    public string? Group { get; }

    /// <summary>2 or 4 bytes.</summary>
    public int Length { get; }

    /// <summary>Fixed bits.</summary>
    public uint Mask { get; }

    /// <summary>Values of the fixed bits.</summary>
    public uint Value { get; }

    /// <summary>Distinct field letters of the pattern, sorted.</summary>
    public string Letters { get; }

    /// <summary>The lower-case mnemonic: the name up to the first space or parenthesis.</summary>
    public string Mnemonic => Name.Split(' ', '(')[0].ToLowerInvariant();

    public bool Matches(uint raw) => (raw & Mask) == Value;

    /// <summary>Extracts the fields of <paramref name="raw"/> (no allocation).</summary>
    public void ExtractFields(uint raw, ref FieldValues fields)
    {
        fields.Raw = raw;
        foreach (var (letter, shift, width) in _runs)
        {
            fields.Append(letter, (raw >> shift) & ((1u << width) - 1), width);
        }
    }

    public override string ToString() => $"{Name} [{Pattern}]";
}
