namespace Nemu.Cli.Tests.Virt;

/// <summary>
/// QEMU 7.2's recorded monitor output of <c>-M virt,highmem=off</c> configurations (Data/Virt, copied from the
/// issue 6 reference recordings): the command line of each configuration, and for "mapped" the qtest writes that
/// program BARs, bridge windows and edu's MSI before the monitor commands ran (qtest-mapped.txt).
/// </summary>
internal static class VirtRecording
{
    /// <summary>The configurations with recorded <c>info mtree [-f]</c>, <c>info qtree</c> and <c>info pci</c>.</summary>
    public static readonly string[] Configurations = ["edu-testdev", "mapped", "pcibridge", "rootport"];

    /// <summary>The recorded output of <paramref name="command"/> ("mtree-f", "mtree", "qtree", "pci") for <paramref name="configuration"/>.</summary>
    public static string Output(string command, string configuration) => Read($"{command}-{configuration}.txt");

    /// <summary>The emulator arguments of <paramref name="configuration"/>, without the recorder's sockets and display options.</summary>
    public static string[] Arguments(string configuration)
    {
        var line = configuration == "mapped"
            ? MonitorSections.Lines(Read("qtest-mapped.txt"))[0]["# cmdline: ".Length..]
            : MonitorSections.Lines(Read($"cmdline-{configuration}.txt"))[0];
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var end = Array.IndexOf(words, "-display");
        return words[1..end];
    }

    /// <summary>The qtest commands to send before the monitor commands (only "mapped" has any).</summary>
    public static string[] Setup(string configuration) => configuration == "mapped"
        ? [.. MonitorSections.Lines(Read("qtest-mapped.txt")).Where(l => l.StartsWith("> ", StringComparison.Ordinal)).Select(l => l[2..])]
        : [];

    private static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "Virt", name));
}
