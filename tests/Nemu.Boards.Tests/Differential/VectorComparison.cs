// Compares an emulator's result lines with the recorded QEMU vectors and words each mismatch as
// "variant v7-M seed 17 case 233 [group: instructions]: expected r3=0x..., got 0x...".
namespace Nemu.Boards.Tests.Differential;

/// <summary>Checks a differential run against recorded vectors.</summary>
public static class VectorComparison
{
    /// <summary>All mismatches (empty when the run reproduces the recording).</summary>
    public static IReadOnlyList<string> Mismatches(VectorFile recorded, DifferentialRun run)
    {
        var mismatches = new List<string>();
        foreach (var (generated, actual) in run.Cases.Zip(run.Lines))
        {
            var expected = recorded.Find(generated.Seed, generated.Index);
            if (expected is null)
            {
                mismatches.Add($"{generated.Describe()}: not in the recording");
                continue;
            }

            var differences = CaseLine.Differences(expected, actual, generated.Input);
            if (differences.Count != 0)
            {
                mismatches.Add($"{generated.Describe()}: {string.Join("; ", differences)}");
            }
        }

        return mismatches;
    }

    /// <summary>Fails the test with the first mismatches, one per line.</summary>
    public static void AssertNone(IReadOnlyList<string> mismatches, string emulator)
    {
        Assert.True(mismatches.Count == 0,
            $"{emulator} differs from the recorded QEMU vectors in {mismatches.Count} case(s):\n" + string.Join('\n', mismatches.Take(20)));
    }
}
