// Issue 7 acceptance: one step of a QMP transcript (after /work/notes/issue7-ref/steps.json, the sequence QEMU
// 7.2's recordings were made with).
namespace Nemu.Cli.Tests.Acceptance;

/// <summary>Raw text to send ($TMP = the run's temporary directory) and how many non-event replies it produces.</summary>
internal sealed record QmpStep(string Send, int Replies = 1)
{
    public override string ToString() => Send;
}
