using Nemu.Core.Logging;
using Nemu.Options.Values;

namespace Nemu.Options.Tests.Values;

public sealed class LogItemsTests
{
    [Fact]
    public void ItemsMapToCoreLogItems()
    {
        Assert.True(LogItems.TryParse("in_asm,int,guest_errors,unimp", out var mask, out var patterns));
        Assert.Equal(LogItem.InAsm | LogItem.Int | LogItem.GuestErrors | LogItem.Unimp, mask);
        Assert.Empty(patterns);
    }

    [Fact]
    public void TraceItemsAreCollectedAsPatterns()
    {
        Assert.True(LogItems.TryParse("int,trace:nvic_*", out var mask, out var patterns));
        Assert.Equal(LogItem.Int, mask);
        Assert.Equal(["nvic_*"], patterns);
    }

    [Fact]
    public void AllSelectsEveryItem()
    {
        Assert.True(LogItems.TryParse("all", out var mask, out _));
        Assert.True(mask.HasFlag(LogItem.Exec | LogItem.InvalidMem));
    }

    [Theory]
    [InlineData("nosuch")]
    [InlineData("in_asm,bogus")]
    [InlineData("in_asm,,int")]
    [InlineData("")]
    [InlineData("help")]
    public void InvalidListCarriesTheUsageForStdout(string text)
    {
        var ex = Assert.Throws<OptionsException>(() => LogItems.Parse(text, out _));
        Assert.StartsWith("Log items (comma separated):\n", ex.UsageText);
    }

    [Fact]
    public void UsageMatchesQemu72ApartFromInvalidMem()
    {
        var qemu = File.ReadAllText(TestData.PathOf("qemu-d-help.txt"));
        var ours = LogItems.Usage().Replace("invalid_mem     log invalid memory accesses\n", "", StringComparison.Ordinal);
        Assert.Equal(qemu, ours);
    }
}
