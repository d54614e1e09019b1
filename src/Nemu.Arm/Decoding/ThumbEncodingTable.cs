// The whole Thumb decode table (16-bit lines, then the FP lines, which come before the coprocessor catch-all of
// the 32-bit lines they carve out of, then the other 32-bit lines) and its startup check (STYLE.md habit 3).
namespace Nemu.Arm.Decoding;

/// <summary>All encoding lines; <see cref="DecodedInsn.Line"/> indexes <see cref="Lines"/>.</summary>
public static class ThumbEncodingTable
{
    /// <summary>The <see cref="DecodedInsn.Line"/> of an encoding no line matches (unallocated: UNDEFINED).</summary>
    public const ushort Unallocated = ushort.MaxValue;

    static ThumbEncodingTable()
    {
        Lines = [.. ThumbTable16.Build(), .. ThumbTableFp.Build(), .. ThumbTable32.Build()];
#if DEBUG
        var errors = ThumbTableValidator.Validate(Lines);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Thumb decode table is inconsistent:\n" + string.Join('\n', errors));
        }
#endif
    }

    public static IReadOnlyList<ThumbEncoding> Lines { get; }
}
