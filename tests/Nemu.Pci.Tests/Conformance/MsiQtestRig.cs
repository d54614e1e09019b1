// Test support for the MSI / MSI-X conformance tests (pci.md §9 48-70): virt machines driven through the qtest
// protocol, with delivery observed as a guest-side test would: messages go to the GICv2m doorbell
// (MSI_SETSPI_NS, 0x08020040) with data = INTID 80-143, and irq_intercept_in on the GIC turns each delivered
// message into "IRQ raise N" / "IRQ lower N" with N = INTID - 32 (issue6-ref/qtest-main.txt).
using Nemu.Testing.Qtest;

namespace Nemu.Pci.Tests.Conformance;

/// <summary>Machine start-up, delivery observation and differential script runs for the MSI/MSI-X behaviours.</summary>
internal static class MsiQtestRig
{
    /// <summary>GICv2m MSI_SETSPI_NS.</summary>
    public const ulong Doorbell = 0x08020040;

    /// <summary>INTID 80, the first GICv2m SPI; qtest reports it as GIC input 48.</summary>
    public const uint FirstMsiIntid = 0x50;

    /// <summary>The GIC's QOM path on virt (its gpio-in N is SPI N).</summary>
    public const string Gic = "/machine/unattached/device[1]";

    /// <summary>devfn of the first device after -nodefaults (00:01.0).</summary>
    public const int Slot1 = 1 << 3;

    /// <summary>Marks a script line as an HMP command (e.g. <c>hmp:system_reset</c>).</summary>
    public const string HmpPrefix = "hmp:";

    private static readonly string[] Virt = ["-M", "virt,highmem=off", "-nodefaults"];

    /// <summary>In-process Nemu virt with <paramref name="devices"/> (each a -device argument).</summary>
    public static QtestClient StartNemu(params string[] devices) => QtestClient.StartInProcess(Arguments(devices));

    /// <summary>qemu-system-arm 7.2 virt with <paramref name="devices"/>.</summary>
    public static QtestClient StartQemu(params string[] devices) => QtestClient.StartQemu(Arguments(devices));

    public static QtestClient Start(QtestTarget target, params string[] devices) => QtestClient.Start(target, Arguments(devices));

    /// <summary>The qtest input number of INTID <paramref name="intid"/>.</summary>
    public static int Spi(uint intid) => (int)intid - 32;

    /// <summary>The device of type <typeparamref name="T"/> in the in-process machine (its only one).</summary>
    public static T Device<T>(QtestClient qts)
        where T : PciDevice =>
        (qts.Machine ?? throw new InvalidOperationException("not an in-process machine")).Qdev.Devices.OfType<T>().Single();

    /// <summary>Starts intercepting the GIC's inputs and forgets earlier lines.</summary>
    public static void InterceptGic(QtestClient qts)
    {
        qts.IrqInterceptIn(Gic);
        qts.ClearAsyncLines();
    }

    /// <summary>The GIC inputs raised by <paramref name="action"/> (each delivered message is one raise), in order.</summary>
    public static List<int> Raised(QtestClient qts, Action action)
    {
        qts.ClearAsyncLines();
        action();

        // IRQ lines reach the client while it waits for a reply: a device-side call made directly on the in-process
        // machine needs one more command for its lines to be read.
        qts.Endianness();
        var raised = qts.AsyncLines
            .Where(line => line.StartsWith("IRQ raise ", StringComparison.Ordinal))
            .Select(line => int.Parse(line["IRQ raise ".Length..], global::System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        qts.ClearAsyncLines();
        return raised;
    }

    /// <summary>
    /// Sends <paramref name="script"/> line by line and returns the transcript in the form of the recordings
    /// (<c>&gt; line</c>, then any asynchronous IRQ lines, then <c>&lt; reply</c>). A line starting with
    /// <see cref="HmpPrefix"/> is an HMP command (its output is the reply).
    /// </summary>
    public static List<string> RunScript(QtestClient qts, IEnumerable<string> script)
    {
        var transcript = new List<string>();
        foreach (var line in script)
        {
            qts.ClearAsyncLines();
            var reply = line.StartsWith(HmpPrefix, StringComparison.Ordinal) ? qts.Hmp(line[HmpPrefix.Length..]).TrimEnd('\n') : qts.Raw(line);
            transcript.Add("> " + line);
            transcript.AddRange(qts.AsyncLines.Select(a => "< " + a));
            transcript.Add("< " + reply);
        }

        qts.ClearAsyncLines();
        return transcript;
    }

    /// <summary>Runs <paramref name="script"/> on QEMU and on in-process Nemu with the same devices; asserts equal transcripts, returns Nemu's.</summary>
    public static List<string> AssertSameAsQemu(string[] devices, IReadOnlyList<string> script)
    {
        List<string> expected;
        using (var qemu = StartQemu(devices))
        {
            expected = RunScript(qemu, script);
        }

        using var nemu = StartNemu(devices);
        var actual = RunScript(nemu, script);
        Assert.Equal(expected, actual);
        return actual;
    }

    /// <summary>The reply recorded for the <paramref name="index"/>-th occurrence of command <paramref name="line"/>.</summary>
    public static string ReplyTo(IReadOnlyList<string> transcript, string line, int index = 0)
    {
        var seen = 0;
        for (var i = 0; i < transcript.Count; i++)
        {
            if (transcript[i] == "> " + line && seen++ == index)
            {
                return transcript.Skip(i + 1).First(t => !t.StartsWith("< IRQ ", StringComparison.Ordinal))[2..];
            }
        }

        throw new InvalidOperationException($"'{line}' (#{index}) is not in the transcript");
    }

    private static string[] Arguments(string[] devices) =>
        [.. Virt, .. devices.SelectMany(d => new[] { "-device", d })];
}
