// A seeded, deterministic fuzz of malformed gdb input (issue 7 item 4): the stub never throws, never writes outside
// guest memory and still answers `?` after every batch.
using System.Text;
using Nemu.System;

namespace Nemu.Gdbstub.Tests;

public sealed class GdbFuzzTests
{
    private const int PacketCount = 100_000;
    private const int CheckEvery = 500;

    private static readonly string[] Heads =
    [
        "m", "M", "p", "P", "g", "G", "Z", "z", "H", "T", "q", "Q", "v", "vCont;", "qXfer:features:read:", "qRcmd,",
        "Qqemu.sstep=", "qThreadExtraInfo,", "X", "D", "vAttach;", "?", "s", "c", "!", "qSupported:",
    ];

    [Fact]
    public void MalformedPacketsKeepTheStubAlive()
    {
        using var h = new GdbHarness("-M", "mps2-an385");
        var random = new Random(20251121);
        var sent = 0;
        for (var i = 0; i < PacketCount; i++)
        {
            h.SendRaw(Malformed(random));
            sent++;
            if (i % CheckEvery == CheckEvery - 1)
            {
                if (h.Machine.State == RunState.Running)
                {
                    h.SendRaw("+\u0003");
                }

                var raw = h.SendRaw("+$#00+$?#3f");
                Assert.Contains("$T05thread:", raw, StringComparison.Ordinal);
            }
        }

        Assert.True(sent >= 100_000);
    }

    private static string Malformed(Random random)
    {
        var sb = new StringBuilder();
        switch (random.Next(6))
        {
            case 0:
                // Random bytes, possibly with framing characters.
                for (var n = random.Next(1, 64); n > 0; n--)
                {
                    sb.Append((char)random.Next(256));
                }

                return sb.ToString();
            case 1:
                // A plausible packet with a wrong checksum.
                return "$" + Head(random) + RandomText(random) + "#" + random.Next(256).ToString("x2", global::System.Globalization.CultureInfo.InvariantCulture) + "-";
            case 2:
                // A good checksum around garbage arguments (kill and quit excluded: they end the process).
                return GdbHarness.Frame(Head(random) + RandomText(random));
            case 3:
                // Oversize.
                return "$" + new string('A', random.Next(4000, 6000)) + "#00";
            case 4:
                // Escapes and run-length in odd places.
                return GdbHarness.Frame(Head(random) + "}" + (char)random.Next(32, 127) + "*" + (char)random.Next(0, 256));
            default:
                // Truncated packet followed by a new one.
                return "$" + Head(random) + RandomText(random) + GdbHarness.Frame("qC");
        }
    }

    private static string Head(Random random) => Heads[random.Next(Heads.Length)];

    private static string RandomText(Random random)
    {
        const string alphabet = "0123456789abcdefABCDEFxp.,;:=-}*#$ \u0003zZ";
        var sb = new StringBuilder();
        for (var n = random.Next(0, 24); n > 0; n--)
        {
            sb.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return sb.ToString();
    }
}
