using System.Text;
using Nemu.Monitor.Qmp.Json;

namespace Nemu.Monitor.Tests.Qmp.Json;

/// <summary>QEMU's QMP output formatting (qobject/json-writer.c, management.md §2.1 "Output").</summary>
public sealed class JsonWriterTests
{
    [Fact]
    public void CompactFormUsesCommaSpaceAndColonSpace()
    {
        var reply = new JsonObject(
            ("return", new JsonObject(("status", new JsonString("prelaunch")), ("singlestep", JsonBool.False), ("running", JsonBool.False))),
            ("id", new JsonArray(JsonNumber.FromInt64(1), JsonNull.Instance, new JsonArray(), new JsonObject())));
        Assert.Equal(
            "{\"return\": {\"status\": \"prelaunch\", \"singlestep\": false, \"running\": false}, \"id\": [1, null, [], {}]}",
            JsonWriter.Write(reply));
        Assert.Equal("{\"return\": {}}", JsonWriter.Write(new JsonObject(("return", new JsonObject()))));
    }

    [Fact]
    public void StringsAreAsciiWithUpperCaseUnicodeEscapes()
    {
        var s = new JsonString("q\"\\/\b\f\n\r\t\u0001\u007f\u00e9\U0001F600\uD800x\uFFFE");
        Assert.Equal("\"q\\\"\\\\/\\b\\f\\n\\r\\t\\u0001\\u007F\\u00E9\\uD83D\\uDE00\\uFFFDx\\uFFFD\"", JsonWriter.Write(s));
    }

    [Theory]
    [InlineData(0.1, "0.10000000000000001")]
    [InlineData(1.5, "1.5")]
    [InlineData(100.0, "100")]
    [InlineData(1e20, "1e+20")]
    [InlineData(1e-5, "1.0000000000000001e-05")]
    [InlineData(-0.0, "-0")]
    [InlineData(double.PositiveInfinity, "inf")]
    public void DoublesPrintAsPercentPoint17G(double value, string expected)
    {
        Assert.Equal(expected, JsonWriter.Write(JsonNumber.FromDouble(value)));
    }

    [Fact]
    public void IntegersPrintInFull()
    {
        Assert.Equal("[-9223372036854775808, 18446744073709551615]", JsonWriter.Write(new JsonArray(JsonNumber.FromInt64(long.MinValue), JsonNumber.FromUInt64(ulong.MaxValue))));
    }

    [Fact]
    public void PrettyModeMatchesQemuQmpPrettyRecording()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "QmpJson", "qemu72-qmp-pretty.txt");
        var recorded = File.ReadAllText(path, Encoding.Latin1);
        var messages = JsonMessageParser.ParseAll(Encoding.Latin1.GetBytes(recorded));
        Assert.Equal(9, messages.Count);
        var printed = new StringBuilder();
        foreach (var message in messages)
        {
            printed.Append(JsonWriter.ToQmpMessage(message.Value!, pretty: true));
        }

        Assert.Equal(recorded, printed.ToString());
    }

    [Fact]
    public void PrettyEmptyContainersOpenAndCloseOnSeparateLines()
    {
        Assert.Equal("{\n}", JsonWriter.Write(new JsonObject(), pretty: true));
        Assert.Equal("[\n    1,\n    [\n    ]\n]", JsonWriter.Write(new JsonArray(JsonNumber.FromInt64(1), new JsonArray()), pretty: true));
        Assert.Equal("\"x\"", JsonWriter.Write(new JsonString("x"), pretty: true));
    }

    [Fact]
    public void QmpMessageEndsWithCrLf()
    {
        Assert.Equal("{\"return\": {}}\r\n", JsonWriter.ToQmpMessage(new JsonObject(("return", new JsonObject()))));
    }
}
