using Nemu.Monitor.Qmp.Json;

namespace Nemu.Monitor.Tests.Qmp.Json;

/// <summary>The value records: structural equality, ordered members, and print-then-parse round trips.</summary>
public sealed class JsonValueTests
{
    public static TheoryData<string> RoundTripTexts => new()
    {
        "{\"return\": {}}",
        "{\"execute\": \"qom-get\", \"arguments\": {\"path\": \"/machine\", \"property\": \"type\"}, \"id\": {\"any\": [\"json\", 1]}}",
        "[1, -2, 18446744073709551615, 0.5, 1e+20, true, false, null, \"\\u00E9\\uD83D\\uDE00\\u0000\", [], {}]",
        "{\"z\": 1, \"a\": 2, \"m\": 3}",
        "\"tab\\there\"",
    };

    [Theory]
    [MemberData(nameof(RoundTripTexts))]
    public void PrintedValuesParseBackEqualAndPrintIdentically(string text)
    {
        var value = JsonMessageParser.ParseAll(text).Single().Value!;
        Assert.Equal(text, JsonWriter.Write(value));
        Assert.Equal(value, JsonMessageParser.ParseAll(JsonWriter.Write(value, pretty: true)).Single().Value);
    }

    [Fact]
    public void ObjectsKeepMemberOrderAndCompareInOrder()
    {
        var a = new JsonObject(("x", JsonNumber.FromInt64(1)), ("y", JsonBool.True));
        var b = new JsonObject(("x", JsonNumber.FromInt64(1)), ("y", JsonBool.True));
        var swapped = new JsonObject(("y", JsonBool.True), ("x", JsonNumber.FromInt64(1)));
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, swapped);
        Assert.Equal(["x", "y"], a.Members.Select(m => m.Key));
        Assert.Equal(JsonBool.True, a["y"]);
        Assert.Null(a["nope"]);
    }

    [Fact]
    public void NumbersCompareByKindAndConvertLikeQnum()
    {
        Assert.NotEqual(JsonNumber.FromInt64(1), JsonNumber.FromUInt64(1));
        Assert.True(JsonNumber.FromUInt64(5).TryGetInt64(out var i) && i == 5);
        Assert.False(JsonNumber.FromUInt64(ulong.MaxValue).TryGetInt64(out _));
        Assert.False(JsonNumber.FromInt64(-1).TryGetUInt64(out _));
        Assert.False(JsonNumber.FromDouble(1.0).TryGetInt64(out _));
        Assert.Equal(3.0, JsonNumber.FromInt64(3).AsDouble());
    }

    [Fact]
    public void DuplicateKeysAreRejectedByTheConstructorAndTheParser()
    {
        Assert.Throws<ArgumentException>(() => new JsonObject(("a", JsonNull.Instance), ("a", JsonNull.Instance)));
        Assert.Equal("JSON parse error, duplicate key", JsonMessageParser.ParseAll("{\"a\": 1, \"a\": 2}").Single().Error);
    }
}
