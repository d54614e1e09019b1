using Nemu.Monitor.Qmp.Json;
using Nemu.Monitor.Qmp.Schema;

namespace Nemu.Monitor.Tests.Qmp.Schema;

/// <summary>Argument errors with the texts qemu-system-arm 7.2 gives for the same shapes (probed with raw QMP).</summary>
public sealed class QmpArgumentValidatorTests
{
    private static readonly QmpEnumType Capability = new("MigrationCapability", ["xbzrle", "events"]);

    private static readonly QmpObjectType Arguments = new(string.Empty,
    [
        new("command-line", QmpBuiltins.Str, Optional: true),
        new("cpu-index", QmpBuiltins.Int, Optional: true),
        new("up", QmpBuiltins.Bool, Optional: true),
        new("max-bandwidth", QmpBuiltins.Size, Optional: true),
        new("compress-level", QmpBuiltins.UInt8, Optional: true),
        new("panic", new QmpEnumType("PanicAction", ["pause", "shutdown", "none"]), Optional: true),
        new("enable", new QmpArrayType(new QmpEnumType("QMPCapability", ["oob"])), Optional: true),
        new("value", QmpBuiltins.Any, Optional: true),
        new("capabilities", new QmpArrayType(new QmpObjectType("MigrationCapabilityStatus",
            [new("capability", Capability), new("state", QmpBuiltins.Bool)])), Optional: true),
        new("required", QmpBuiltins.Str, Optional: true),
    ]);

    [Theory]
    [InlineData("{\"command-line\": 5}", "Invalid parameter type for 'command-line', expected: string")]
    [InlineData("{\"command-line\": null}", "Invalid parameter type for 'command-line', expected: string")]
    [InlineData("{\"cpu-index\": \"x\"}", "Invalid parameter type for 'cpu-index', expected: integer")]
    [InlineData("{\"cpu-index\": 9223372036854775808}", "Invalid parameter type for 'cpu-index', expected: integer")]
    [InlineData("{\"cpu-index\": 1.5}", "Invalid parameter type for 'cpu-index', expected: integer")]
    [InlineData("{\"up\": 5}", "Invalid parameter type for 'up', expected: boolean")]
    [InlineData("{\"max-bandwidth\": \"x\"}", "Parameter 'max-bandwidth' expects uint64")]
    [InlineData("{\"compress-level\": 300}", "Parameter 'compress-level' expects uint8_t")]
    [InlineData("{\"compress-level\": \"a\"}", "Parameter 'compress-level' expects uint64")]
    [InlineData("{\"panic\": \"bogus\"}", "Parameter 'panic' does not accept value 'bogus'")]
    [InlineData("{\"panic\": 5}", "Invalid parameter type for 'panic', expected: string")]
    [InlineData("{\"enable\": [5]}", "Invalid parameter type for 'enable[0]', expected: string")]
    [InlineData("{\"enable\": [\"foo\"]}", "Parameter 'null' does not accept value 'foo'")]
    [InlineData("{\"enable\": \"oob\"}", "Invalid parameter type for 'enable', expected: array")]
    [InlineData("{\"capabilities\": [{\"capability\": \"xbzrle\", \"state\": 5}]}", "Invalid parameter type for 'capabilities[0].state', expected: boolean")]
    [InlineData("{\"capabilities\": [{\"capability\": \"xbzrle\"}]}", "Parameter 'capabilities[0].state' is missing")]
    [InlineData("{\"capabilities\": [{\"capability\": \"nosuch\", \"state\": true}]}", "Parameter 'capability' does not accept value 'nosuch'")]
    [InlineData("{\"capabilities\": {}}", "Invalid parameter type for 'capabilities', expected: array")]
    [InlineData("{\"capabilities\": [5]}", "Invalid parameter type for 'capabilities[0]', expected: object")]
    [InlineData("{\"capabilities\": [{\"capability\": \"xbzrle\", \"state\": true, \"x\": 1}]}", "Parameter 'capabilities[0].x' is unexpected")]
    [InlineData("{\"bogus\": 1}", "Parameter 'bogus' is unexpected")]
    public void WrongArgumentsGetQemusText(string arguments, string expected)
    {
        var e = Assert.Throws<QmpException>(() => QmpArgumentValidator.Validate(Arguments, Parse(arguments)));
        Assert.Equal(QmpErrorClass.GenericError, e.ErrorClass);
        Assert.Equal(expected, e.Message);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"max-bandwidth\": -1}")]
    [InlineData("{\"compress-level\": 255, \"value\": {\"any\": [1]}, \"enable\": [\"oob\"]}")]
    [InlineData("{\"capabilities\": [{\"capability\": \"events\", \"state\": false}]}")]
    public void ValidArgumentsPass(string arguments) => QmpArgumentValidator.Validate(Arguments, Parse(arguments));

    [Fact]
    public void MissingMandatoryMemberIsReportedBeforeUnexpectedOnes()
    {
        var type = new QmpObjectType(string.Empty, [new("command-line", QmpBuiltins.Str)]);
        var e = Assert.Throws<QmpException>(() => QmpArgumentValidator.Validate(type, Parse("{\"x\": 1}")));
        Assert.Equal("Parameter 'command-line' is missing", e.Message);
    }

    [Fact]
    public void UnionVariantMembersAreAccepted()
    {
        var e = Assert.Throws<QmpException>(() =>
            QmpArgumentValidator.Validate(new QmpObjectType(string.Empty, [new("info", QmpEvents.GuestPanicInformation)]),
                Parse("{\"info\": {\"type\": \"hyper-v\", \"arg1\": 1, \"arg2\": 2, \"arg3\": 3, \"arg4\": 4}}")));
        Assert.Equal("Parameter 'info.arg5' is missing", e.Message);
    }

    private static JsonObject Parse(string json) => (JsonObject)JsonMessageParser.ParseAll(json).Single().Value!;
}
