// Console routing with chardev= (management.md §7.2 "Console destination"; QEMU semihosting/console.c).
using static Nemu.Semihosting.SemihostingOperation;

namespace Nemu.Semihosting.Tests;

public sealed class SemihostingConsoleTests
{
    [Fact]
    public void WithAChardevConsoleOutputGoesThereButTtStillUsesHostStdout()
    {
        using var chardev = new TestChardev();
        using var h = new SemihostingHarness(chardev: chardev);
        h.Call(SysWrite0, h.Target.PlaceString("console\n"));
        h.Write(h.Open(":tt", 4), "tt\n");
        Assert.Equal("console\n", chardev.OutputText);
        Assert.Equal("tt\n", h.StdoutText);
        Assert.Equal(string.Empty, h.StderrText);
    }

    [Fact]
    public void ReadCWaitsForChardevInputThenReturnsIt()
    {
        using var chardev = new TestChardev();
        using var h = new SemihostingHarness(chardev: chardev);
        var woken = 0;
        h.Semihosting.InputAvailable += () => woken++;
        h.Call(SysReadC, 0, SemihostingOutcome.WaitForInput);
        chardev.Type("ab");
        Assert.Equal(1, woken);
        Assert.Equal('a', h.Call(SysReadC, 0));
        Assert.Equal('b', h.Call(SysReadC, 0));
        h.Call(SysReadC, 0, SemihostingOutcome.WaitForInput);
    }

    [Fact]
    public void ConsoleFifoTakesAtMost1024BytesAndResumesAsItDrains()
    {
        using var chardev = new TestChardev();
        using var h = new SemihostingHarness(chardev: chardev);
        chardev.Type(new string('x', SemihostingConsole.FifoSize) + "yz");
        for (var i = 0; i < SemihostingConsole.FifoSize; i++)
        {
            Assert.Equal('x', h.Call(SysReadC, 0));
        }

        Assert.Equal('y', h.Call(SysReadC, 0));
        Assert.Equal('z', h.Call(SysReadC, 0));
    }
}
