using Nemu.Options.Syntax;

namespace Nemu.Options.Tests.Syntax;

public sealed class OptsParserTests
{
    private static readonly OptionGroup Typed = new("t", "first", OptionSyntax.QemuOpts, new Dictionary<string, OptionType>
    {
        ["first"] = OptionType.String,
        ["flag"] = OptionType.Bool,
        ["n"] = OptionType.Number,
        ["sz"] = OptionType.Size,
        ["file"] = OptionType.String,
    });

    [Fact]
    public void FirstItemWithoutKeyUsesImpliedKey()
    {
        var p = OptsParser.Parse("loader,addr=0x10", OptionGroups.Device);
        Assert.Equal("loader", p.Get("driver"));
        Assert.Equal("0x10", p.Get("addr"));
    }

    [Fact]
    public void DoubledCommaIsALiteralCommaInValues()
    {
        var p = OptsParser.Parse("loader,file=a,,b.bin,addr=1", OptionGroups.Device);
        Assert.Equal("a,b.bin", p.Get("file"));
        Assert.Equal("1", p.Get("addr"));
    }

    [Fact]
    public void DoubledCommaEscapesInImpliedValueToo()
    {
        Assert.Equal("a,b", OptsParser.Parse("a,,b,flag=on", Typed).Get("first"));
    }

    [Fact]
    public void RepeatedKeyLastWinsButAllAreKept()
    {
        var p = OptsParser.Parse("x,n=1,n=2", Typed);
        Assert.Equal("2", p.Get("n"));
        Assert.Equal(3, p.Entries.Count);
    }

    [Fact]
    public void BareFlagMeansOnWithDeprecationWarning()
    {
        var p = OptsParser.Parse("x,flag", Typed);
        Assert.Equal("on", p.Get("flag"));
        Assert.Equal("warning: short-form boolean option 'flag' deprecated\nPlease use flag=on instead", Assert.Single(p.Warnings));
    }

    [Fact]
    public void NoPrefixedFlagMeansOff()
    {
        var p = OptsParser.Parse("x,noflag", Typed);
        Assert.Equal("off", p.Get("flag"));
        Assert.Contains("Please use flag=off instead", p.Warnings[0]);
    }

    [Theory]
    [InlineData("x,help")]
    [InlineData("x,?")]
    public void HelpFlagIsReportedNotStored(string text)
    {
        var p = OptsParser.Parse(text, Typed);
        Assert.True(p.HelpRequested);
        Assert.Single(p.Entries);
    }

    [Theory]
    [InlineData("x,bogus=1", "Invalid parameter 'bogus'")]
    [InlineData("x,flag=maybe", "Parameter 'flag' expects 'on' or 'off'")]
    [InlineData("x,n=zz", "Parameter 'n' expects a number")]
    [InlineData("x,n=99999999999999999999", "Value '99999999999999999999' is too large for parameter 'n'")]
    [InlineData("x,sz=1.5", "Parameter 'sz' expects a non-negative number below 2^64")]
    [InlineData("x,=1", "Invalid parameter ''")]
    public void TypedGroupRejectsWithQemuWording(string text, string message)
    {
        var ex = Assert.Throws<OptionsException>(() => OptsParser.Parse(text, Typed));
        Assert.Equal(message, ex.Message);
    }

    [Theory]
    [InlineData("yes", true)]
    [InlineData("true", true)]
    [InlineData("y", true)]
    [InlineData("no", false)]
    [InlineData("false", false)]
    public void BooleansAcceptQapiSpellings(string value, bool expected)
    {
        Assert.Equal(expected, OptsParser.Parse("x,flag=" + value, Typed).GetBool("flag", !expected));
    }

    [Theory]
    [InlineData(",", "Invalid parameter ''")]
    [InlineData("=x", "Invalid parameter ''")]
    [InlineData("mps2-an385,,x", "Invalid parameter ''")]
    [InlineData("none,foo", "Expected '=' after parameter 'foo'")]
    [InlineData("none,1x=2", "Invalid parameter '1x'")]
    [InlineData("none,a..b=1", "Invalid parameter 'a..b'")]
    [InlineData("none,_x=1", "Invalid parameter '_x'")]
    public void KeyvalRejectsBadKeysLikeQemu72(string text, string message)
    {
        var ex = Assert.Throws<OptionsException>(() => OptsParser.Parse(text, OptionGroups.Machine));
        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void KeyvalAcceptsDottedKeysAndHelp()
    {
        var p = OptsParser.Parse("none,a.b=1,help", OptionGroups.Machine);
        Assert.Equal("none", p.Get("type"));
        Assert.Equal("1", p.Get("a.b"));
        Assert.True(p.HelpRequested);
    }

    [Fact]
    public void JsonDeviceBecomesItems()
    {
        var p = OptsParser.Parse("{\"driver\":\"loader\",\"addr\":536870912,\"data-be\":true,\"x\":[1]}", OptionGroups.Device);
        Assert.Equal("loader", p.Get("driver"));
        Assert.Equal("536870912", p.Get("addr"));
        Assert.Equal("on", p.Get("data-be"));
        Assert.Equal("[1]", p.Get("x"));
    }

    [Theory]
    [InlineData("{", "JSON parse error, premature EOI")]
    [InlineData("{\"a\":", "JSON parse error, premature EOI")]
    [InlineData("{]", "JSON parse error, invalid JSON")]
    public void BrokenJsonIsAParseError(string text, string message)
    {
        Assert.Equal(message, Assert.Throws<OptionsException>(() => OptsParser.Parse(text, OptionGroups.Device)).Message);
    }

    [Fact]
    public void JsonIsOnlyForGroupsThatAcceptIt()
    {
        Assert.Equal("{\"a\":1}", OptsParser.Parse("{\"a\":1}", OptionGroups.Chardev).Get("backend"));
    }
}
