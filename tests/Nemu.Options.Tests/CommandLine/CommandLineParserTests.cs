using Nemu.Core.Logging;
using Nemu.Options.CommandLine;

namespace Nemu.Options.Tests.CommandLine;

public sealed class CommandLineParserTests
{
    private static QemuCommandLine Parse(params string[] args) => CommandLineParser.Parse(args);

    [Fact]
    public void TypicalFirmwareCommandLine()
    {
        var c = Parse("-M", "mps2-an385", "-cpu", "cortex-m3", "-m", "16M", "-kernel", "fw.elf", "-nographic",
            "-S", "-s", "-d", "in_asm,int", "-D", "log.txt", "-icount", "shift=4", "-semihosting",
            "--device", "loader,addr=0x20000000,data=1,data-len=4", "-serial", "mon:stdio", "-no-reboot",
            "-qmp", "unix:/tmp/q,server=on,wait=off", "-global", "a.b=c", "fw2.img");
        Assert.Null(c.Help);
        Assert.Equal("mps2-an385", c.MachineType);
        Assert.Equal("cortex-m3", c.Cpu);
        Assert.Equal(16UL << 20, c.Memory!.Size);
        Assert.Equal("fw.elf", c.Kernel);
        Assert.True(c.NoGraphic && c.StartStopped && c.NoReboot);
        Assert.Equal(["tcp::1234"], c.GdbDevices);
        Assert.Equal(LogItem.InAsm | LogItem.Int, c.LogMask);
        Assert.Equal("log.txt", c.LogFile);
        Assert.Equal(4, c.Icount!.Shift);
        Assert.True(c.Semihosting!.Enabled);
        Assert.Equal("loader", c.Devices[0].Get("driver"));
        Assert.Equal(["mon:stdio"], c.Serials);
        Assert.Equal(("unix:/tmp/q,server=on,wait=off", false), c.QmpMonitors[0]);
        Assert.Equal("c", c.Globals[0].Value);
        Assert.Equal(["fw2.img"], c.DiskImages);
        Assert.Equal(17, c.Options.Count);
        Assert.Equal("--device", c.Options[11].Typed);
    }

    [Fact]
    public void MachineOptionsMergeAndLaterKeysWin()
    {
        var c = Parse("-M", "mps2-an385", "-machine", "type=mps2-an386,x=1");
        Assert.Equal("mps2-an386", c.MachineType);
        Assert.Equal("1", c.Machine!.Get("x"));
    }

    [Fact]
    public void MemoryOptionsMerge()
    {
        var c = Parse("-m", "16M", "-m", "maxmem=32M");
        Assert.Equal(16UL << 20, c.Memory!.Size);
        Assert.Equal(32UL << 20, c.Memory.MaxMem);
    }

    [Fact]
    public void VersionStopsTheLoop()
    {
        var c = Parse("-msg", "timestamp=yes", "-version", "-m", "16X");
        Assert.Equal(HelpTopic.Version, c.Help!.Topic);

        // Like QEMU's first pass, unknown options are found before -version acts.
        Assert.Equal("invalid option", Assert.Throws<OptionsException>(() => Parse("-version", "-foo")).Message);
    }

    [Fact]
    public void ErrorsBeforeVersionStillFail()
    {
        var ex = Assert.Throws<OptionsException>(() => Parse("-m", "16X", "-version"));
        Assert.Equal("-m 16X", ex.Location);
    }

    [Fact]
    public void DeprecatedFlagWarnsWithLocation()
    {
        var c = Parse("-msg", "timestamp");
        Assert.Equal("nemu-system-arm: -msg timestamp: warning: short-form boolean option 'timestamp' deprecated\nPlease use timestamp=on instead",
            Assert.Single(c.Warnings).Format("nemu-system-arm"));
        Assert.True(c.Msg!.GetBool("timestamp", false));
    }

    [Fact]
    public void SmpErrorsHaveNoLocation()
    {
        var ex = Assert.Throws<OptionsException>(() => Parse("-smp", "foo"));
        Assert.Null(ex.Location);
        Assert.Equal("nemu-system-arm: Parameter 'smp.cpus' expects integer", ex.Format("nemu-system-arm"));
    }

    [Fact]
    public void SemihostingConfigAfterSemihostingOverrides()
    {
        var c = Parse("-semihosting", "-semihosting-config", "enable=on,target=gdb");
        Assert.Equal(Nemu.Options.Values.SemihostingTarget.Gdb, c.Semihosting!.Target);
    }

    [Fact]
    public void UnknownLogItemCarriesUsageAndLocation()
    {
        var ex = Assert.Throws<OptionsException>(() => Parse("-d", "nosuch"));
        Assert.Equal("-d nosuch", ex.Location);
        Assert.NotNull(ex.UsageText);
    }

    [Fact]
    public void EveryTableOptionHasAHandler()
    {
        foreach (var spec in OptionTable.All)
        {
            var args = spec.HasArgument ? new[] { "-" + spec.Name, SampleArgument(spec.Name) } : ["-" + spec.Name];
            var c = Parse(args);
            Assert.Single(c.Options);
        }
    }

    private static string SampleArgument(string name) => name switch
    {
        "m" => "16M",
        "smp" => "2",
        "accel" => "tcg",
        "icount" => "shift=1",
        "semihosting-config" => "enable=on",
        "d" => "int",
        "rtc" => "base=utc",
        "msg" => "timestamp=on",
        "name" => "g",
        "trace" => "enable=x",
        "mon" => "chardev=c",
        "global" => "a.b=c",
        "action" => "reboot=shutdown",
        _ => "x",
    };
}
