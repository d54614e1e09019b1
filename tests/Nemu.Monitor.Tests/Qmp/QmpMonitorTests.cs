using Nemu.Monitor.Qmp;
using Nemu.Monitor.Qmp.Commands;
using Nemu.Monitor.Qmp.Json;
using Nemu.System;

namespace Nemu.Monitor.Tests.Qmp;

/// <summary>
/// The QMP monitor against QEMU 7.2's transcript /work/notes/issue7-ref/qmp-an385-loop.txt (lines copied verbatim,
/// timestamps replaced by the test's fixed wall clock): greeting, negotiation, replies, event order, reconnects.
/// </summary>
public sealed class QmpMonitorTests : IDisposable
{
    private const string Ts = "\"timestamp\": {\"seconds\": 1795283543, \"microseconds\": 180992}";
    private readonly QmpTestMachine _vm = new();

    [Fact]
    public void GreetingIsSentOnConnectWithQueryVersionShape()
    {
        var (_, chardev) = Connect();
        Assert.Equal(
            ["{\"QMP\": {\"version\": " + JsonWriter.Write(QDictOrder.Apply(SchemaCommands.VersionInfo())) + ", \"capabilities\": [\"oob\"]}}"],
            chardev.TakeMessages());
    }

    [Fact]
    public void OnlyQmpCapabilitiesIsAcceptedBeforeNegotiation()
    {
        var (_, chardev) = Connect();
        chardev.TakeMessages();
        AssertExchange(chardev, "{\"execute\": \"query-status\", \"id\": \"pre\"}",
            "{\"id\": \"pre\", \"error\": {\"class\": \"CommandNotFound\", \"desc\": \"Expecting capabilities negotiation with 'qmp_capabilities'\"}}");
        AssertExchange(chardev, "{\"execute\": \"qmp_capabilities\"}", "{\"return\": {}}");
        AssertExchange(chardev, "{\"execute\": \"qmp_capabilities\"}",
            "{\"error\": {\"class\": \"CommandNotFound\", \"desc\": \"Capabilities negotiation is already complete, command ignored\"}}");
        AssertExchange(chardev, "{\"execute\": \"query-status\", \"id\": 1}",
            "{\"return\": {\"status\": \"prelaunch\", \"singlestep\": false, \"running\": false}, \"id\": 1}");
    }

    [Theory]
    [InlineData("{\"execute\": \"query-name\", \"id\": {\"any\": [\"json\", 1]}}", "{\"return\": {}, \"id\": {\"any\": [\"json\", 1]}}")]
    [InlineData("{\"execute\": \"no-such-command\", \"id\": 42}", "{\"id\": 42, \"error\": {\"class\": \"CommandNotFound\", \"desc\": \"The command no-such-command has not been found\"}}")]
    [InlineData("{\"execute\": \"query-status\", \"arguments\": {\"bogus\": 1}, \"id\": 5}", "{\"id\": 5, \"error\": {\"class\": \"GenericError\", \"desc\": \"Parameter 'bogus' is unexpected\"}}")]
    [InlineData("{\"execute\": 5, \"id\": 10}", "{\"id\": 10, \"error\": {\"class\": \"GenericError\", \"desc\": \"QMP input member 'execute' must be a string\"}}")]
    [InlineData("{\"execute\": \"query-status\", \"arguments\": [], \"id\": 11}", "{\"id\": 11, \"error\": {\"class\": \"GenericError\", \"desc\": \"QMP input member 'arguments' must be an object\"}}")]
    [InlineData("{\"execute\": \"query-status\", \"extra\": 1, \"id\": 12}", "{\"id\": 12, \"error\": {\"class\": \"GenericError\", \"desc\": \"QMP input member 'extra' is unexpected\"}}")]
    [InlineData("{\"foo\": \"bar\"}", "{\"error\": {\"class\": \"GenericError\", \"desc\": \"QMP input member 'foo' is unexpected\"}}")]
    [InlineData("[1,2]", "{\"error\": {\"class\": \"GenericError\", \"desc\": \"QMP input must be a JSON object\"}}")]
    [InlineData("\"str\"", "{\"error\": {\"class\": \"GenericError\", \"desc\": \"QMP input must be a JSON object\"}}")]
    [InlineData("{\"execute\": \"query-status\" \"id\": 1}", "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, expected separator in dict\"}}")]
    [InlineData("{\"execute\": 'query-status', 'id': 'sq'}", "{\"return\": {\"status\": \"prelaunch\", \"singlestep\": false, \"running\": false}, \"id\": \"sq\"}")]
    [InlineData("\u0001", "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, stray '\\u0001'\"}}")]
    [InlineData("{\"execute\":\n\"query-status\",\n\"id\":\"split\"}\n", "{\"return\": {\"status\": \"prelaunch\", \"singlestep\": false, \"running\": false}, \"id\": \"split\"}")]
    [InlineData("{\"exec-oob\": \"query-status\", \"id\": \"o1\"}", "{\"id\": \"o1\", \"error\": {\"class\": \"GenericError\", \"desc\": \"QMP input member 'exec-oob' is unexpected\"}}")]
    [InlineData("{\"arguments\":{}}", "{\"error\": {\"class\": \"GenericError\", \"desc\": \"QMP input lacks member 'execute'\"}}")]
    [InlineData("{\"id\":1}", "{\"id\": 1, \"error\": {\"class\": \"GenericError\", \"desc\": \"QMP input lacks member 'execute'\"}}")]
    [InlineData("{\"execute\":\"qmp_capabilities\",\"arguments\":{\"x\":1}}", "{\"error\": {\"class\": \"GenericError\", \"desc\": \"Parameter 'x' is unexpected\"}}")]
    public void RepliesMatchQemuAfterNegotiation(string request, string reply)
    {
        var (_, chardev) = Negotiated();
        AssertExchange(chardev, request, reply);
    }

    [Fact]
    public void TwoObjectsOnOneLineGetTwoReplies()
    {
        var (_, chardev) = Negotiated();
        chardev.Input("{\"execute\":\"query-status\",\"id\":\"a\"}{\"execute\":\"query-status\",\"id\":\"b\"}");
        _vm.Run();
        Assert.Equal(
        [
            "{\"return\": {\"status\": \"prelaunch\", \"singlestep\": false, \"running\": false}, \"id\": \"a\"}",
            "{\"return\": {\"status\": \"prelaunch\", \"singlestep\": false, \"running\": false}, \"id\": \"b\"}",
        ], chardev.TakeMessages());
    }

    [Fact]
    public void OobNegotiatedRejectsCommandsWithoutAllowOob()
    {
        var (_, chardev) = Connect();
        chardev.TakeMessages();
        AssertExchange(chardev, "{\"execute\":\"qmp_capabilities\",\"arguments\":{\"enable\":[\"oob\"]}}", "{\"return\": {}}");
        AssertExchange(chardev, "{\"exec-oob\":\"query-status\",\"id\":2}",
            "{\"id\": 2, \"error\": {\"class\": \"GenericError\", \"desc\": \"The command query-status does not support OOB\"}}");
        AssertExchange(chardev, "{\"execute\":\"query-status\",\"exec-oob\":\"query-status\"}",
            "{\"error\": {\"class\": \"GenericError\", \"desc\": \"QMP input member 'execute' clashes with 'exec-oob'\"}}");
    }

    [Fact]
    public void RunControlEventsComeBeforeTheReturnAsRecorded()
    {
        var (_, chardev) = Negotiated();
        AssertExchange(chardev, "{\"execute\": \"cont\", \"id\": \"c\"}", "{" + Ts + ", \"event\": \"RESUME\"}", "{\"return\": {}, \"id\": \"c\"}");
        AssertExchange(chardev, "{\"execute\": \"query-status\"}", "{\"return\": {\"status\": \"running\", \"singlestep\": false, \"running\": true}}");
        AssertExchange(chardev, "{\"execute\": \"stop\", \"id\": \"s\"}", "{" + Ts + ", \"event\": \"STOP\"}", "{\"return\": {}, \"id\": \"s\"}");
        AssertExchange(chardev, "{\"execute\": \"query-status\"}", "{\"return\": {\"status\": \"paused\", \"singlestep\": false, \"running\": false}}");
        AssertExchange(chardev, "{\"execute\": \"stop\", \"id\": \"s2\"}", "{\"return\": {}, \"id\": \"s2\"}");
        AssertExchange(chardev, "{\"execute\": \"system_reset\", \"id\": \"r\"}",
            "{" + Ts + ", \"event\": \"RESET\", \"data\": {\"guest\": false, \"reason\": \"host-qmp-system-reset\"}}", "{\"return\": {}, \"id\": \"r\"}");
        AssertExchange(chardev, "{\"execute\": \"query-status\"}", "{\"return\": {\"status\": \"prelaunch\", \"singlestep\": false, \"running\": false}}");
        AssertExchange(chardev, "{\"execute\": \"cont\"}", "{" + Ts + ", \"event\": \"RESUME\"}", "{\"return\": {}}");
        AssertExchange(chardev, "{\"execute\": \"system_reset\", \"id\": \"r2\"}",
            "{" + Ts + ", \"event\": \"RESET\", \"data\": {\"guest\": false, \"reason\": \"host-qmp-system-reset\"}}", "{\"return\": {}, \"id\": \"r2\"}");
        Assert.Equal(RunState.Running, _vm.Machine.State);
        AssertExchange(chardev, "{\"execute\": \"system_powerdown\", \"id\": \"pd\"}", "{" + Ts + ", \"event\": \"POWERDOWN\"}", "{\"return\": {}, \"id\": \"pd\"}");
        AssertExchange(chardev, "{\"execute\": \"quit\", \"id\": \"q\"}",
            "{" + Ts + ", \"event\": \"SHUTDOWN\", \"data\": {\"guest\": false, \"reason\": \"host-qmp-quit\"}}", "{\"return\": {}, \"id\": \"q\"}");
        Assert.True(_vm.Machine.Loop.IsQuitRequested);
    }

    [Fact]
    public void NoEventsAreSentBeforeNegotiation()
    {
        var (_, chardev) = Connect();
        chardev.TakeMessages();
        _vm.Machine.Start();
        _vm.Machine.Stop();
        _vm.Run();
        Assert.Empty(chardev.TakeMessages());
    }

    [Fact]
    public void GuestEventsCarryTheirData()
    {
        var (_, chardev) = Negotiated();
        _vm.Machine.SystemReset(ShutdownCause.GuestReset);
        _vm.Machine.RaiseEvent(new GuestPanickedEvent("run", "lockup"));
        _vm.Machine.RaiseEvent(new DeviceDeletedEvent("e1", "/machine/peripheral/e1"));
        Assert.Equal(
        [
            "{" + Ts + ", \"event\": \"RESET\", \"data\": {\"guest\": true, \"reason\": \"guest-reset\"}}",
            "{" + Ts + ", \"event\": \"GUEST_PANICKED\", \"data\": {\"action\": \"run\"}}",
            "{" + Ts + ", \"event\": \"DEVICE_DELETED\", \"data\": {\"device\": \"e1\", \"path\": \"/machine/peripheral/e1\"}}",
        ], chardev.TakeMessages());
    }

    [Fact]
    public void PrettyModeIndentsWithCrlf()
    {
        var (_, chardev) = _vm.AddMonitor(pretty: true);
        chardev.Open();
        _vm.Run();
        chardev.TakeMessages();
        chardev.Input("{\"execute\":\"qmp_capabilities\"}{\"execute\":\"stop\"}");
        _vm.Run();
        Assert.Equal("{\r\n    \"return\": {\r\n    }\r\n}\r\n{\r\n    \"return\": {\r\n    }\r\n}\r\n", chardev.Output);
    }

    [Fact]
    public void ReconnectRestartsNegotiationAndDropsAHalfSentCommand()
    {
        var (_, chardev) = Negotiated();
        chardev.Input("{\"execute\": \"query-sta");
        _vm.Run();
        chardev.Close();
        _vm.Run();
        _vm.Machine.Start();
        _vm.Run();
        Assert.Empty(chardev.TakeMessages());
        chardev.Open();
        _vm.Run();
        Assert.StartsWith("{\"QMP\": ", Assert.Single(chardev.TakeMessages()));
        AssertExchange(chardev, "{\"execute\": \"query-status\"}",
            "{\"error\": {\"class\": \"CommandNotFound\", \"desc\": \"Expecting capabilities negotiation with 'qmp_capabilities'\"}}");
    }

    [Fact]
    public void SeveralMonitorsNegotiateIndependently()
    {
        var (_, first) = Negotiated();
        var (_, second) = _vm.AddMonitor();
        second.Open();
        _vm.Run();
        second.TakeMessages();
        AssertExchange(first, "{\"execute\": \"cont\"}", "{" + Ts + ", \"event\": \"RESUME\"}", "{\"return\": {}}");
        Assert.Empty(second.TakeMessages());
        AssertExchange(second, "{\"execute\": \"stop\"}",
            "{\"error\": {\"class\": \"CommandNotFound\", \"desc\": \"Expecting capabilities negotiation with 'qmp_capabilities'\"}}");
    }

    [Fact]
    public void SlowClientGetsAllOutputAndPausesInputBeyondTheLimit()
    {
        var (monitor, chardev) = Negotiated();
        chardev.Room = 10;
        chardev.Input(string.Concat(Enumerable.Repeat("{\"execute\":\"query-qmp-schema\"}", 200)));
        _vm.Run();
        Assert.InRange(monitor.PendingOutputBytes, QmpMonitor.MaxPendingOutput + 1, long.MaxValue);
        var first = monitor.PendingOutputBytes;
        Assert.True(first < 200L * 20_000, "input must stop being read while the client is behind");
        for (var i = 0; i < 10_000 && chardev.Output.Split("\r\n").Length <= 200; i++)
        {
            chardev.Room = 1 << 16;
            _vm.Host.Advance(3_000_000);
            _vm.Run();
        }

        var replies = chardev.TakeMessages();
        Assert.Equal(200, replies.Count);
        Assert.All(replies, r => Assert.StartsWith("{\"return\": [{", r));
        Assert.Equal(0, monitor.PendingOutputBytes);
    }

    private (QmpMonitor Monitor, QmpTestChardev Chardev) Connect()
    {
        var pair = _vm.AddMonitor();
        pair.Chardev.Open();
        _vm.Run();
        return pair;
    }

    private (QmpMonitor Monitor, QmpTestChardev Chardev) Negotiated()
    {
        var pair = Connect();
        pair.Chardev.TakeMessages();
        AssertExchange(pair.Chardev, "{\"execute\": \"qmp_capabilities\"}", "{\"return\": {}}");
        return pair;
    }

    private void AssertExchange(QmpTestChardev chardev, string request, params string[] replies)
    {
        chardev.Input(request);
        _vm.Run();
        Assert.Equal(replies, chardev.TakeMessages());
    }

    public void Dispose() => _vm.Dispose();
}
