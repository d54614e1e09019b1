// Implements: QEMU 7.2 softmmu/qtest.c logging (-qtest-log FILE; stderr when absent, nothing for "none"):
// "[I %.6f] OPENED", "[R +%.6f] word word..." for each received line, "[S +%.6f] " before each sent line
// (replies and IRQ lines), "[I +%.6f] CLOSED"; times are seconds since the connection opened.
using System.Diagnostics;
using System.Globalization;

namespace Nemu.System.Qtest;

/// <summary>The qtest protocol log.</summary>
public sealed class QtestLog(TextWriter writer)
{
    private readonly Stopwatch _timer = Stopwatch.StartNew();

    public void Opened()
    {
        _timer.Restart();
        writer.Write($"[I {Elapsed()}] OPENED\n");
    }

    public void Closed() => writer.Write($"[I +{Elapsed()}] CLOSED\n");

    public void Received(IReadOnlyList<string> words)
    {
        writer.Write($"[R +{Elapsed()}]");
        foreach (var word in words)
        {
            writer.Write(' ');
            writer.Write(word);
        }

        writer.Write('\n');
    }

    public void Sent(string text) => writer.Write($"[S +{Elapsed()}] {text}");

    private string Elapsed() => _timer.Elapsed.TotalSeconds.ToString("F6", CultureInfo.InvariantCulture);
}
