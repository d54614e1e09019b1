using Nemu.Options.Values;

namespace Nemu.Options.Tests.Values;

public sealed class QemuNumberTests
{
    [Theory]
    [InlineData("10", 10UL)]
    [InlineData("0x10", 16UL)]
    [InlineData("010", 8UL)]
    [InlineData("0", 0UL)]
    [InlineData("-1", ulong.MaxValue)]
    public void NumbersUseBaseZeroLikeStrtoull(string text, ulong expected) => Assert.Equal(expected, QemuNumber.Parse("n", text));

    [Theory]
    [InlineData("")]
    [InlineData("x")]
    [InlineData("0x")]
    [InlineData("08")]
    [InlineData("1k")]
    public void JunkExpectsANumber(string text) =>
        Assert.Equal("Parameter 'n' expects a number", Assert.Throws<OptionsException>(() => QemuNumber.Parse("n", text)).Message);
}
