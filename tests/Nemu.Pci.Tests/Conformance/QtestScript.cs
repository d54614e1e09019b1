// Implements: the differential harness of the issue 6 conformance tests (pci.md §9 26-47): one qtest script (the
// protocol lines of pci.md §7.1 plus HMP commands) runs against Nemu in-process and against qemu-system-arm 7.2
// with the same machine arguments; the transcripts (every reply and every asynchronous IRQ line, in order) must be
// equal, so the expectation is QEMU's real behaviour. Tests then also assert the values they are about, so a
// script cannot pass when both emulators do the same wrong thing.
// QEMU runs under -S without the qtest accelerator (README of issue6-ref): clock commands do not belong in scripts.
using Nemu.Testing.Qtest;

namespace Nemu.Pci.Tests.Conformance;

/// <summary>A qtest script whose steps are numbered so tests can look at the reply of each.</summary>
public sealed class QtestScript
{
    private readonly List<Step> _steps = [];

    /// <summary>Adds a protocol line; returns the step number for <see cref="QtestTranscript"/> lookups.</summary>
    public int Send(string line)
    {
        _steps.Add(new Step(line, false, null, false));
        return _steps.Count - 1;
    }

    /// <summary>Adds <c>readl</c> of <paramref name="address"/>.</summary>
    public int ReadL(ulong address) => Send($"readl 0x{address:x}");

    /// <summary>Adds <c>readw</c> of <paramref name="address"/>.</summary>
    public int ReadW(ulong address) => Send($"readw 0x{address:x}");

    /// <summary>Adds <c>readb</c> of <paramref name="address"/>.</summary>
    public int ReadB(ulong address) => Send($"readb 0x{address:x}");

    /// <summary>Adds <c>writel</c>.</summary>
    public int WriteL(ulong address, uint value) => Send($"writel 0x{address:x} 0x{value:x}");

    /// <summary>Adds <c>writew</c>.</summary>
    public int WriteW(ulong address, ushort value) => Send($"writew 0x{address:x} 0x{value:x}");

    /// <summary>Adds <c>writeb</c>.</summary>
    public int WriteB(ulong address, byte value) => Send($"writeb 0x{address:x} 0x{value:x}");

    /// <summary>
    /// Adds an HMP command; only the output lines containing <paramref name="filter"/> (all lines when null) are kept,
    /// so a comparison can focus on the part both emulators model. <paramref name="sorted"/> sorts the kept lines:
    /// QEMU 7.2 prints the address spaces of <c>info mtree</c> in hash-table order, which varies between runs.
    /// </summary>
    public int Hmp(string command, string? filter = null, bool sorted = false)
    {
        _steps.Add(new Step(command, true, filter, sorted));
        return _steps.Count - 1;
    }

    /// <summary>Runs the script on <paramref name="client"/>.</summary>
    public QtestTranscript Run(QtestClient client)
    {
        var replies = new List<string>(_steps.Count);
        var irqs = new List<IReadOnlyList<string>>(_steps.Count);
        foreach (var step in _steps)
        {
            var before = client.AsyncLines.Count;
            replies.Add(step.IsHmp ? Filter(client.Hmp(step.Line), step.Filter, step.Sorted) : client.Raw(step.Line));
            irqs.Add([.. client.AsyncLines.Skip(before)]);
        }

        return new QtestTranscript([.. _steps.Select(s => s.Line)], replies, irqs);
    }

    /// <summary>Runs the script on Nemu (in-process) with <paramref name="args"/>.</summary>
    public QtestTranscript RunOnNemu(params string[] args)
    {
        using var nemu = QtestClient.StartInProcess(args);
        return Run(nemu);
    }

    /// <summary>
    /// Runs the script on qemu-system-arm and on Nemu with <paramref name="args"/>, asserts equal transcripts and
    /// returns Nemu's.
    /// </summary>
    public QtestTranscript AssertSameAsQemu(params string[] args)
    {
        QtestTranscript qemu;
        using (var client = QtestClient.StartQemu(args))
        {
            qemu = Run(client);
        }

        var nemu = RunOnNemu(args);
        Assert.Equal(qemu.ToString(), nemu.ToString());
        return nemu;
    }

    private static string Filter(string output, string? filter, bool sorted)
    {
        var lines = output.Split('\n').Where(l => filter is null || l.Contains(filter, StringComparison.Ordinal));
        return string.Join('\n', sorted ? lines.Order(StringComparer.Ordinal) : lines);
    }

    private sealed record Step(string Line, bool IsHmp, string? Filter, bool Sorted);
}
