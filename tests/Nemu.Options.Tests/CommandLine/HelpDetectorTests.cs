using Nemu.Options.CommandLine;

namespace Nemu.Options.Tests.CommandLine;

public sealed class HelpDetectorTests
{
    [Theory]
    [InlineData("-M", "help", HelpTopic.Machines, null, 0)]
    [InlineData("-M", "?", HelpTopic.Machines, null, 0)]
    [InlineData("-machine", "mps2-an385,help", HelpTopic.MachineProperties, "mps2-an385", 0)]
    [InlineData("-machine", "type=mps2-an385,help", HelpTopic.MachineProperties, "mps2-an385", 0)]
    [InlineData("-cpu", "help", HelpTopic.Cpus, null, 0)]
    [InlineData("-cpu", "?", HelpTopic.Cpus, null, 0)]
    [InlineData("-device", "help", HelpTopic.Devices, null, 0)]
    [InlineData("-device", "loader,help", HelpTopic.DeviceProperties, "loader", 0)]
    [InlineData("-device", "loader,?", HelpTopic.DeviceProperties, "loader", 0)]
    [InlineData("-chardev", "help", HelpTopic.Chardevs, null, 0)]
    [InlineData("-chardev", "null,help", HelpTopic.ChardevProperties, "null", 0)]
    [InlineData("-object", "help", HelpTopic.Objects, null, 0)]
    [InlineData("-accel", "help", HelpTopic.Accelerators, null, 0)]
    [InlineData("-accel", "thread=single", HelpTopic.Accelerators, null, 0)]
    [InlineData("-d", "help", HelpTopic.LogItems, null, 1)]
    [InlineData("-d", "trace:help", HelpTopic.TraceEvents, null, 0)]
    [InlineData("-trace", "help", HelpTopic.TraceEvents, null, 0)]
    [InlineData("-rtc", "help", HelpTopic.GroupOptions, "rtc", 1)]
    [InlineData("-semihosting-config", "help", HelpTopic.GroupOptions, "semihosting-config", 1)]
    public void HelpSpellings(string option, string arg, HelpTopic topic, string? subject, int exit)
    {
        var c = CommandLineParser.Parse([option, arg]);
        Assert.Equal(new HelpRequest(topic, subject, exit), c.Help);
    }

    [Theory]
    [InlineData("-M", "type=help")]
    [InlineData("-icount", "shift=3")]
    [InlineData("-device", "loader,file=a,,help")]
    [InlineData("-name", "help")]
    public void NotHelp(string option, string arg) => Assert.Null(HelpDetector.Detect(CommandLineSplitter.Split([option, arg])[0]));

    [Fact]
    public void UsageListsEveryOptionAndVersionIsOurs()
    {
        var usage = HelpText.Usage("nemu-system-arm");
        Assert.StartsWith("Nemu emulator version ", usage);
        Assert.Contains("usage: nemu-system-arm [options] [disk_image]", usage);
        foreach (var spec in OptionTable.All)
        {
            Assert.Contains("\n-" + spec.Name, usage);
        }

        Assert.Matches(@"^Nemu emulator version \d+\.\d+\.\d+\nCopyright \(c\) .+\n$", HelpText.Version());
    }

    [Fact]
    public void GroupOptionsLayoutLikeQemu() =>
        Assert.Equal("rtc options:\n  base=<str>\n  clock=<str>\n  driftfix=<str>\n", HelpText.GroupOptions(Nemu.Options.Syntax.OptionGroups.Rtc));
}
