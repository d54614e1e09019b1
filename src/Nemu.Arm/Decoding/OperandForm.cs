// An operand layout shared by several encodings (QEMU decodetree "argument sets" + "formats"): the field
// letters it consumes and how they become DecodedInsn operands. The table validator checks that a line's
// pattern has exactly the letters its form declares (STYLE.md habit 3).
namespace Nemu.Arm.Decoding;

/// <summary>Fills the operand fields of <paramref name="insn"/> from the pattern fields.</summary>
public delegate void FormExtractor(ref DecodedInsn insn, in FieldValues fields);

/// <summary>A named operand layout: its field letters and its extractor.</summary>
public sealed class OperandForm
{
    public OperandForm(string name, string letters, FormExtractor extract)
    {
        Name = name;
        Letters = new string([.. letters.Where(char.IsLetter).Distinct().Order()]);
        Extract = extract;
    }

    /// <summary>Name used in validation messages.</summary>
    public string Name { get; }

    /// <summary>The distinct field letters, sorted.</summary>
    public string Letters { get; }

    public FormExtractor Extract { get; }

    public override string ToString() => Name;
}
