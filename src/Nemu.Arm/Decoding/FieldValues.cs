// The letter fields of an encoding pattern, extracted from raw bits (QEMU decodetree "fields"): a letter that
// appears in several places is the concatenation of its pieces in order of appearance, most significant first,
// which is how the Armv7-M ARM writes e.g. i:imm3:imm8.
using System.Runtime.CompilerServices;

namespace Nemu.Arm.Decoding;

/// <summary>Field values by letter (a-z, A-Z) of one raw encoding. A stack value: decoding allocates nothing.</summary>
public struct FieldValues
{
    private Letters _values;

    /// <summary>The raw encoding the fields came from.</summary>
    public uint Raw { get; internal set; }

    /// <summary>The value of field <paramref name="letter"/> (0 if the pattern has no such letter).</summary>
    public readonly uint this[char letter] => _values[Index(letter)];

    internal void Append(int letterIndex, uint bits, int width) =>
        _values[letterIndex] = (_values[letterIndex] << width) | bits;

    /// <summary>Slot of a field letter; -1 for characters that are not letters.</summary>
    public static int Index(char letter) => letter switch
    {
        >= 'a' and <= 'z' => letter - 'a',
        >= 'A' and <= 'Z' => 26 + (letter - 'A'),
        _ => -1,
    };

    [InlineArray(52)]
    private struct Letters
    {
        private uint _element0;
    }
}
