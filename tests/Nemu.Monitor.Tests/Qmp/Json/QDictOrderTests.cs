using Nemu.Monitor.Qmp.Json;

namespace Nemu.Monitor.Tests.Qmp.Json;

/// <summary>
/// QDict iteration order against QEMU 7.2 replies recorded in /work/notes/issue7-ref/qmp-an385-hello.txt
/// and the -qmp-pretty recording: members built in QAPI schema order come out in QEMU's printed order.
/// </summary>
public sealed class QDictOrderTests
{
    private static string Print(JsonObject obj) => JsonWriter.Write(QDictOrder.Apply(obj));

    [Fact]
    public void StatusInfoPrintsStatusSinglestepRunning()
    {
        var status = new JsonObject(("running", JsonBool.False), ("singlestep", JsonBool.False), ("status", new JsonString("prelaunch")));
        var reply = new JsonObject(("return", status), ("id", new JsonString("sq")));
        Assert.Equal("{\"return\": {\"status\": \"prelaunch\", \"singlestep\": false, \"running\": false}, \"id\": \"sq\"}", Print(reply));
    }

    [Fact]
    public void ErrorReplyPutsIdFirstAndReturnReplyPutsIdLast()
    {
        var error = new JsonObject(("error", new JsonObject(("class", new JsonString("CommandNotFound")), ("desc", new JsonString("x")))), ("id", JsonNumber.FromInt64(42)));
        Assert.Equal("{\"id\": 42, \"error\": {\"class\": \"CommandNotFound\", \"desc\": \"x\"}}", Print(error));
    }

    [Fact]
    public void VersionTriplePrintsMicroMinorMajor()
    {
        var triple = new JsonObject(("major", JsonNumber.FromInt64(7)), ("minor", JsonNumber.FromInt64(2)), ("micro", JsonNumber.FromInt64(22)));
        var version = new JsonObject(("qemu", triple), ("package", new JsonString("p")));
        Assert.Equal("{\"qemu\": {\"micro\": 22, \"minor\": 2, \"major\": 7}, \"package\": \"p\"}", Print(version));
    }

    [Fact]
    public void EventPrintsTimestampEventData()
    {
        var evt = new JsonObject(
            ("event", new JsonString("SHUTDOWN")),
            ("data", new JsonObject(("guest", JsonBool.False), ("reason", new JsonString("host-signal")))),
            ("timestamp", new JsonObject(("seconds", JsonNumber.FromInt64(1)), ("microseconds", JsonNumber.FromInt64(2)))));
        Assert.Equal(
            "{\"timestamp\": {\"seconds\": 1, \"microseconds\": 2}, \"event\": \"SHUTDOWN\", \"data\": {\"guest\": false, \"reason\": \"host-signal\"}}",
            Print(evt));
    }
}
