using Nemu.Chardevs;
using Nemu.Monitor.Hmp;

namespace Nemu.Monitor.Tests.Hmp;

/// <summary>
/// The monitor as a chardev frontend survives whatever a client does: arbitrary bytes, overlong lines, a client that
/// goes away or stops reading. It keeps answering afterwards.
/// </summary>
public sealed class HmpMonitorTests
{
    [Fact]
    public void OpeningPrintsTheBannerThenThePrompt()
    {
        var (chardev, _) = Open();

        Assert.Equal(HmpSession.Banner.Replace("\n", "\r\n", StringComparison.Ordinal) + HmpSession.Prompt, chardev.OutputText);
    }

    [Fact]
    public void RandomBytesNeverStopTheMonitorAnswering()
    {
        var (chardev, _) = Open();
        var random = new Random(77);
        for (var n = 0; n < 2000; n++)
        {
            var bytes = new byte[random.Next(1, 200)];
            random.NextBytes(bytes);
            chardev.Type(bytes);
        }

        chardev.Type(new string('9', 10000) + "\n");
        chardev.Type("\u001b[A\u001b[B\u001bOZ\u007f\b\r\n");
        chardev.ClearOutput();
        chardev.Type("\ninfo status\r\n");

        Assert.EndsWith("info status\r\nVM status: paused (prelaunch)\r\n(qemu) ", chardev.OutputText, StringComparison.Ordinal);
    }

    [Fact]
    public void CommandsAfterTheClientClosedAreStillHandled()
    {
        var (chardev, machine) = Open();
        chardev.Raise(ChardevEvent.Closed);

        chardev.Type("stop\n");

        Assert.Equal(["stop"], machine.Calls);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void APeerThatTakesNothingDoesNotHangTheMonitor(int refuseWith)
    {
        var (chardev, machine) = Open();
        chardev.RefuseWith = refuseWith;

        chardev.Type("help\nstop\n");

        Assert.Equal(["stop"], machine.Calls);
        Assert.InRange(chardev.WriteCalls, 1, 10000);
    }

    private static (TestHmpChardev Chardev, FakeHmpMachine Machine) Open()
    {
        var chardev = new TestHmpChardev();
        var machine = new FakeHmpMachine { CpuDumps = ["zero\n"] };
        new HmpMonitor(chardev, machine).Start();
        chardev.Raise(ChardevEvent.Opened);
        return (chardev, machine);
    }
}
