// gdbserver_start's device handling (QEMU 7.2, checked with qemu-system-arm -gdb ...).
using Nemu.System.Vl;

namespace Nemu.Gdbstub.Tests;

public sealed class GdbStubTests
{
    [Theory]
    [InlineData("tcp::1234", "tcp:127.0.0.1:1234,wait=off,nodelay=on,server=on")]
    [InlineData("tcp:127.0.0.1:1234", "tcp:127.0.0.1:1234,wait=off,nodelay=on,server=on")]
    [InlineData("unix:/tmp/g.sock,server=on,wait=off", "unix:/tmp/g.sock,server=on,wait=off")]
    [InlineData("none", null)]
    public void DeviceBecomesQemusChardevString(string device, string? spec) => Assert.Equal(spec, GdbStub.ChardevSpec(device));

    [Theory]
    [InlineData("1234", "'1234' is not a valid char driver")]
    [InlineData("bogus", "'bogus' is not a valid char driver")]
    public void BadDeviceIsQemusError(string device, string message)
    {
        using var h = new GdbHarness("-M", "mps2-an385");
        var e = Assert.Throws<VlException>(() => GdbStub.Start(h.Machine, device));
        Assert.Equal(message, e.Message);
        Assert.Equal($"-gdb {device}", e.Location);
    }

    [Fact]
    public void NoneStartsNothing()
    {
        using var h = new GdbHarness("-M", "mps2-an385");
        Assert.Null(GdbStub.Start(h.Machine, "none").Frontend);
    }

    [Fact]
    public void ServerChardevIsLabelledGdb()
    {
        using var h = new GdbHarness("-M", "mps2-an385");
        var path = Path.Combine(Path.GetTempPath(), $"nemu-gdb-{Environment.ProcessId}-{Guid.NewGuid():N}.sock");
        try
        {
            Assert.NotNull(GdbStub.Start(h.Machine, $"unix:{path},server=on,wait=off").Frontend);
            Assert.NotNull(h.Machine.Chardevs.Find("gdb"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void GuestExitIsReportedAsW()
    {
        using var h = new GdbHarness("-M", "mps2-an385");
        h.SendRaw(GdbHarness.Frame("qC"));
        h.SendRaw("+");
        h.Machine.RequestQuit(7);
        Assert.Equal("W07", GdbHarness.Unframe(h.SendRaw(string.Empty, keepPrevious: true)));
    }

    [Fact]
    public void MonitorQuitAnswersOkThenW00()
    {
        using var h = new GdbHarness("-M", "mps2-an385");
        var raw = h.SendRaw(GdbHarness.Frame("qRcmd,71756974"));
        Assert.Equal("+" + GdbHarness.Frame("OK") + GdbHarness.Frame("W00"), raw);
    }

    [Fact]
    public void VKillAnswersOkThenW00()
    {
        using var h = new GdbHarness("-M", "mps2-an385");
        var raw = h.SendRaw(GdbHarness.Frame("vKill;1"));
        Assert.Equal("+" + GdbHarness.Frame("OK") + GdbHarness.Frame("W00"), raw);
    }
}
