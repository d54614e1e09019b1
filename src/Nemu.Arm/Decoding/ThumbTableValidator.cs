// The build-time check of the decode table (STYLE.md habit 3, QEMU decodetree's overlap check): two lines may
// only overlap inside one declared group, where the earlier line must not make a later one unreachable; and
// every line's field letters must be exactly those its operand form declares.
namespace Nemu.Arm.Decoding;

/// <summary>Checks a decode table; run by a unit test and at startup in debug builds.</summary>
public static class ThumbTableValidator
{
    /// <summary>Returns one message per problem (empty when the table is consistent).</summary>
    public static IReadOnlyList<string> Validate(IReadOnlyList<ThumbEncoding> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var errors = new List<string>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Letters != line.Form.Letters)
            {
                errors.Add($"{line}: fields '{line.Letters}' do not match form {line.Form.Name} fields '{line.Form.Letters}'");
            }

            for (var j = i + 1; j < lines.Count; j++)
            {
                var other = lines[j];
                if (other.Length != line.Length || !Overlap(line, other))
                {
                    continue;
                }

                if (line.Group is null || line.Group != other.Group)
                {
                    errors.Add($"{line} overlaps {other} without a shared overlap group");
                }
                else if (Covers(line, other))
                {
                    errors.Add($"{other} is unreachable: the earlier {line} of group '{line.Group}' covers it");
                }
            }
        }

        return errors;
    }

    private static bool Overlap(ThumbEncoding a, ThumbEncoding b) => ((a.Value ^ b.Value) & a.Mask & b.Mask) == 0;

    // a covers b when every encoding b matches also matches a.
    private static bool Covers(ThumbEncoding a, ThumbEncoding b) => (a.Mask & ~b.Mask) == 0 && ((a.Value ^ b.Value) & a.Mask) == 0;
}
