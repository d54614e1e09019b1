// Implements: the transcript of a QtestScript run (pci.md §7.1 line protocol): per step the reply line or the HMP
// text and the asynchronous IRQ lines that came before it, printed in the issue6-ref recordings' notation.
using System.Globalization;
using System.Text;

namespace Nemu.Pci.Tests.Conformance;

/// <summary>What a <see cref="QtestScript"/> run received: per step the reply (or HMP text) and the IRQ lines before it.</summary>
public sealed class QtestTranscript(IReadOnlyList<string> lines, IReadOnlyList<string> replies, IReadOnlyList<IReadOnlyList<string>> irqs)
{
    /// <summary>The reply line (or filtered HMP output) of step <paramref name="step"/>.</summary>
    public string Reply(int step) => replies[step];

    /// <summary>The value of an <c>OK 0x…</c> reply.</summary>
    public ulong Value(int step)
    {
        var reply = replies[step];
        return reply.StartsWith("OK 0x", StringComparison.Ordinal)
            && ulong.TryParse(reply.AsSpan(5), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new InvalidOperationException($"step {step} '{lines[step]}' answered '{reply}', not a value");
    }

    /// <summary>The asynchronous lines (<c>IRQ raise N</c>) that arrived while step <paramref name="step"/> ran.</summary>
    public IReadOnlyList<string> Irqs(int step) => irqs[step];

    /// <summary>The transcript in the recordings' notation (<c>&gt; </c> sent, <c>&lt; </c> received).</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            text.Append("> ").Append(lines[i]).Append('\n');
            foreach (var irq in irqs[i])
            {
                text.Append("< ").Append(irq).Append('\n');
            }

            text.Append("< ").Append(replies[i]).Append('\n');
        }

        return text.ToString();
    }
}
