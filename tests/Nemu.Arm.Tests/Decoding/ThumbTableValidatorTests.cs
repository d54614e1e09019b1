using Nemu.Arm.Decoding;

namespace Nemu.Arm.Tests.Decoding;

public sealed class ThumbTableValidatorTests
{
    [Fact]
    public void ShippedTableHasNoUndeclaredOverlapsAndFormsMatchFields()
    {
        var errors = ThumbTableValidator.Validate(ThumbEncodingTable.Lines);
        Assert.True(errors.Count == 0, string.Join('\n', errors));
    }

    [Fact]
    public void OverlapOutsideAGroupIsRejected()
    {
        ThumbEncoding[] lines =
        [
            new("0001110iiinnnddd", "ADD (immediate) T1", ThumbOp.AddImm, ArchFeatures.V6M, OperandForms.RdRnImm3),
            new("0001110000nnnddd", "MOV alias", ThumbOp.AddImm, ArchFeatures.V6M, new OperandForm("Rd,Rn", "dn", static (ref _, in _) => { })),
        ];
        var errors = ThumbTableValidator.Validate(lines);
        Assert.Contains(errors, e => e.Contains("without a shared overlap group", StringComparison.Ordinal));
    }

    [Fact]
    public void EarlierGeneralLineShadowingALaterSpecificOneIsRejected()
    {
        ThumbEncoding[] lines =
        [
            new("0001110iiinnnddd", "ADD (immediate) T1", ThumbOp.AddImm, ArchFeatures.V6M, OperandForms.RdRnImm3, "g"),
            new("0001110000nnnddd", "specific", ThumbOp.AddImm, ArchFeatures.V6M, new OperandForm("Rd,Rn", "dn", static (ref _, in _) => { }), "g"),
        ];
        var errors = ThumbTableValidator.Validate(lines);
        Assert.Contains(errors, e => e.Contains("unreachable", StringComparison.Ordinal));
    }

    [Fact]
    public void FormWhoseFieldsDifferFromThePatternLettersIsRejected()
    {
        ThumbEncoding[] lines = [new("0001110iiinnnmmm", "ADD (immediate) T1", ThumbOp.AddImm, ArchFeatures.V6M, OperandForms.RdRnImm3)];
        var errors = ThumbTableValidator.Validate(lines);
        Assert.Contains(errors, e => e.Contains("do not match form", StringComparison.Ordinal));
    }
}
