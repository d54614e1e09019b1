using Nemu.Monitor.Qmp.Json;
using Nemu.Monitor.Qmp.Schema;

namespace Nemu.Monitor.Tests.Qmp.Schema;

/// <summary>
/// query-qmp-schema generation with QEMU's conventions, checked against entries of QEMU 7.2's reply
/// (/work/notes/issue7-ref/qmp-an385-loop-query-qmp-schema.json.gz) with the same numbering position.
/// </summary>
public sealed class QmpSchemaIntrospectionTests
{
    private static QmpCommand Command(string name, QmpObjectType? args, QmpType? ret) => new(name, args, ret, (_, _) => new JsonObject());

    [Fact]
    public void TypesAreNumberedInFirstUseOrderAfterCommandsAndEvents()
    {
        var status = new QmpObjectType("StatusInfo",
            [new("running", QmpBuiltins.Bool), new("singlestep", QmpBuiltins.Bool), new("status", QmpEvents.RunState)]);
        var schema = QmpSchemaIntrospection.Generate([Command("query-status", null, status)], [QmpEvents.Shutdown, QmpEvents.Powerdown]);
        var text = schema.Items.Select(e => JsonWriter.Write(QDictOrder.Apply(e))).ToList();
        Assert.Equal(
        [
            "{\"name\": \"query-status\", \"ret-type\": \"1\", \"meta-type\": \"command\", \"arg-type\": \"0\"}",
            "{\"name\": \"SHUTDOWN\", \"meta-type\": \"event\", \"arg-type\": \"2\"}",
            "{\"name\": \"POWERDOWN\", \"meta-type\": \"event\", \"arg-type\": \"0\"}",
            "{\"name\": \"0\", \"members\": [], \"meta-type\": \"object\"}",
            "{\"name\": \"1\", \"members\": [{\"name\": \"running\", \"type\": \"bool\"}, {\"name\": \"singlestep\", \"type\": \"bool\"}, {\"name\": \"status\", \"type\": \"3\"}], \"meta-type\": \"object\"}",
            "{\"name\": \"2\", \"members\": [{\"name\": \"guest\", \"type\": \"bool\"}, {\"name\": \"reason\", \"type\": \"4\"}], \"meta-type\": \"object\"}",
            "{\"name\": \"bool\", \"json-type\": \"boolean\", \"meta-type\": \"builtin\"}",
            "{\"name\": \"3\", \"members\": [{\"name\": \"debug\"}, {\"name\": \"inmigrate\"}, {\"name\": \"internal-error\"}, {\"name\": \"io-error\"}, {\"name\": \"paused\"}, {\"name\": \"postmigrate\"}, {\"name\": \"prelaunch\"}, {\"name\": \"finish-migrate\"}, {\"name\": \"restore-vm\"}, {\"name\": \"running\"}, {\"name\": \"save-vm\"}, {\"name\": \"shutdown\"}, {\"name\": \"suspended\"}, {\"name\": \"watchdog\"}, {\"name\": \"guest-panicked\"}, {\"name\": \"colo\"}], \"meta-type\": \"enum\", \"values\": [\"debug\", \"inmigrate\", \"internal-error\", \"io-error\", \"paused\", \"postmigrate\", \"prelaunch\", \"finish-migrate\", \"restore-vm\", \"running\", \"save-vm\", \"shutdown\", \"suspended\", \"watchdog\", \"guest-panicked\", \"colo\"]}",
            "{\"name\": \"4\", \"members\": [{\"name\": \"none\"}, {\"name\": \"host-error\"}, {\"name\": \"host-qmp-quit\"}, {\"name\": \"host-qmp-system-reset\"}, {\"name\": \"host-signal\"}, {\"name\": \"host-ui\"}, {\"name\": \"guest-shutdown\"}, {\"name\": \"guest-reset\"}, {\"name\": \"guest-panic\"}, {\"name\": \"subsystem-reset\"}, {\"name\": \"snapshot-load\"}], \"meta-type\": \"enum\", \"values\": [\"none\", \"host-error\", \"host-qmp-quit\", \"host-qmp-system-reset\", \"host-signal\", \"host-ui\", \"guest-shutdown\", \"guest-reset\", \"guest-panic\", \"subsystem-reset\", \"snapshot-load\"]}",
        ], text);
    }

    [Fact]
    public void OptionalMembersArraysIntegersAndAllowOobFollowQemu()
    {
        var args = new QmpObjectType(string.Empty,
        [
            new("val", QmpBuiltins.UInt64), new("list", new QmpArrayType(QmpBuiltins.Size)), new("cpu-index", QmpBuiltins.Int, Optional: true),
        ]);
        var schema = QmpSchemaIntrospection.Generate([Command("memsave", args, null) with { AllowOob = true, Features = ["f"] }], []);
        var text = schema.Items.Select(e => JsonWriter.Write(QDictOrder.Apply(e))).ToList();
        Assert.Equal("{\"name\": \"memsave\", \"ret-type\": \"1\", \"allow-oob\": true, \"meta-type\": \"command\", \"arg-type\": \"0\", \"features\": [\"f\"]}", text[0]);
        Assert.Equal("{\"name\": \"0\", \"members\": [{\"name\": \"val\", \"type\": \"int\"}, {\"name\": \"list\", \"type\": \"[int]\"}, {\"name\": \"cpu-index\", \"default\": null, \"type\": \"int\"}], \"meta-type\": \"object\"}", text[1]);
        Assert.Contains("{\"name\": \"[int]\", \"element-type\": \"int\", \"meta-type\": \"array\"}", text);
        Assert.Single(text, t => t.Contains("\"json-type\": \"int\"", StringComparison.Ordinal));
    }
}
