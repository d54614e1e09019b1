using Nemu.Options.Values;

namespace Nemu.Options.Tests.Values;

public sealed class QemuSizeTests
{
    [Theory]
    [InlineData("0", 0UL)]
    [InlineData("4096", 4096UL)]
    [InlineData("16M", 16UL << 20)]
    [InlineData("16m", 16UL << 20)]
    [InlineData("1k", 1024UL)]
    [InlineData("1K", 1024UL)]
    [InlineData("2G", 2UL << 30)]
    [InlineData("1T", 1UL << 40)]
    [InlineData("1P", 1UL << 50)]
    [InlineData("15E", 15UL << 60)]
    [InlineData("16b", 16UL)]
    [InlineData("0x1000", 0x1000UL)]
    [InlineData("0x10M", 0x10UL << 20)]
    [InlineData("1.5G", 3UL << 29)]
    [InlineData("1.k", 1024UL)]
    [InlineData(" 16M", 16UL << 20)]
    [InlineData("0.5", 0UL)]
    [InlineData("18446744073709551615", ulong.MaxValue)]
    public void ValidSizesFollowQemuStrtosz(string text, ulong expected)
    {
        if (text == "0.5")
        {
            // a fraction without a scale is refused, even one that would round to zero
            Assert.Equal(QemuSize.Status.Invalid, QemuSize.TryParse(text, 'B', out _));
            return;
        }

        Assert.Equal(expected, QemuSize.Parse("size", text));
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

    [Fact]
    public void FractionRoundsHalfUp()
    {
        // 0.0009765625 KiB is exactly 1 byte; 0.0004882812 KiB is just under 0.5 byte.
        Assert.Equal(1UL, QemuSize.Parse("s", "0.0009765625k"));
        Assert.Equal(0UL, QemuSize.Parse("s", "0.0004882812k"));
    }
}
