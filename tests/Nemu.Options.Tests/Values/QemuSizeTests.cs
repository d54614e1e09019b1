// QemuOpts' size wrapper (parse_option_size): its error texts. The parsing itself (qemu_strtosz) is tested in
// Nemu.Core.Tests/Text/QemuStrtoszTests.
using Nemu.Options.Values;

namespace Nemu.Options.Tests.Values;

public sealed class QemuSizeTests
{
    [Theory]
    [InlineData("16M", 16UL << 20)]
    [InlineData("0x1000", 0x1000UL)]
    [InlineData("1.5G", 3UL << 29)]
    [InlineData("18446744073709551615", ulong.MaxValue)]
    public void ParseReturnsTheQemuStrtoszValue(string text, ulong expected) =>
        Assert.Equal(expected, QemuSize.Parse("size", text));

    [Fact]
    public void DefaultSuffixScalesAPlainNumber()
    {
        Assert.Equal(QemuSize.Status.Ok, QemuSize.TryParse("16", 'M', out var value));
        Assert.Equal(16UL << 20, value);
        Assert.Equal(QemuSize.Status.Invalid, QemuSize.TryParse("0.5", 'B', out _));
    }

    [Theory]
    [InlineData("16X")]
    [InlineData("-16M")]
    [InlineData("0x")]
    [InlineData("0x1.8M")]
    [InlineData("1e3M")]
    [InlineData("1.5e3M")]
    [InlineData("16MB")]
    [InlineData("0.5.5")]
    [InlineData("")]
    [InlineData("inf")]
    [InlineData("1.5")]
    public void InvalidSizesExpectNonNegativeNumber(string text)
    {
        var ex = Assert.Throws<OptionsException>(() => QemuSize.Parse("size", text));
        Assert.Equal("Parameter 'size' expects a non-negative number below 2^64", ex.Message);
        Assert.Equal(QemuSize.Hint, ex.Hint);
    }

    [Theory]
    [InlineData("99999999999999999999")]
    [InlineData("16E")]
    [InlineData("16e")]
    [InlineData("17E")]
    [InlineData("0x10000000000000000")]
    public void OverflowIsOutOfRange(string text)
    {
        var ex = Assert.Throws<OptionsException>(() => QemuSize.Parse("size", text));
        Assert.Equal($"Value '{text}' is out of range for parameter 'size'", ex.Message);
    }
}
