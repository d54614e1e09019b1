// One generated differential case: where it comes from (variant, seed, index), the group it exercises, its
// instructions and initial state. Used to name a case in a failure message.
namespace Nemu.Boards.Tests.Differential;

/// <summary>A differential case: initial state plus the instructions under test.</summary>
public sealed record GeneratedCase(Variant Variant, int Seed, int Index, string Group, IReadOnlyList<string> Instructions, CaseState Input)
{
    public string Describe() => $"variant {Variant.Architecture} seed {Seed} case {Index} [{Group}: {string.Join("; ", Instructions)}]";
}
