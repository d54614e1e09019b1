// qemu_strtou64 / qemu_strtoi64 (QEMU 7.2 util/cutils.c over glibc strtoull/strtoll). Vectors merged from the
// former Nemu.Options QemuStrtoull/QemuNumber and Nemu.Qdev QemuNumberParser tests; the cases where those two
// disagreed with QEMU are marked.
using Nemu.Core.Text;

namespace Nemu.Core.Tests.Text;

public sealed class QemuStrtolTests
{
    [Theory]
    [InlineData("10", 10UL)]
    [InlineData("0x10", 16UL)]
    [InlineData("0X1f", 31UL)]
    [InlineData("010", 8UL)]
    [InlineData("0", 0UL)]
    [InlineData("-1", ulong.MaxValue)]
    [InlineData("-0x10", 0xFFFF_FFFF_FFFF_FFF0UL)]
    [InlineData(" 5", 5UL)]
    [InlineData("\t\n\v\f\r5", 5UL)]
    [InlineData("+7", 7UL)]
    [InlineData("4294967295", 4294967295UL)]
    [InlineData("18446744073709551615", ulong.MaxValue)]
    [InlineData("-18446744073709551615", 1UL)]
    public void Strtou64BaseZeroAcceptsDecimalHexOctalAndWrapsMinusLikeStrtoull(string text, ulong expected)
    {
        Assert.Equal(QemuParseStatus.Ok, QemuStrtol.Strtou64(text, 0, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("x")]
    [InlineData("0x")]
    [InlineData("0xg")]
    [InlineData("08")]
    [InlineData("1k")]
    [InlineData("5 ")]
    [InlineData("- 1")]
    [InlineData("+-1")]
    [InlineData("-")]
    [InlineData("\u00a05")] // C isspace() does not know U+00A0 (the old Qdev parser skipped it)
    [InlineData("99999999999999999999x")] // trailing junk is -EINVAL even after an overflow
    public void Strtou64RefusesTextThatIsNotEntirelyANumber(string text) =>
        Assert.Equal(QemuParseStatus.Invalid, QemuStrtol.Strtou64(text, 0, out _));

    [Theory]
    [InlineData("18446744073709551616")]
    [InlineData("0x10000000000000000")]
    [InlineData("-18446744073709551616")]
    public void Strtou64OverflowIsOutOfRangeAndStoresUint64Max(string text)
    {
        Assert.Equal(QemuParseStatus.OutOfRange, QemuStrtol.Strtou64(text, 0, out var value));
        Assert.Equal(ulong.MaxValue, value);
    }

    [Theory]
    [InlineData("-9223372036854775808", long.MinValue)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("-0x10", -16L)]
    [InlineData(" -5", -5L)] // the old -smp parser refused a blank before the sign
    [InlineData("+010", 8L)]
    public void Strtoi64AcceptsTheSignedRange(string text, long expected)
    {
        Assert.Equal(QemuParseStatus.Ok, QemuStrtol.Strtoi64(text, 0, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("9223372036854775808", long.MaxValue)]
    [InlineData("-9223372036854775809", long.MinValue)]
    [InlineData("-18446744073709551615", long.MinValue)] // the old -icount shift parser wrapped this to 1
    public void Strtoi64OverflowIsOutOfRangeAndStoresTheNearestLimit(string text, long stored)
    {
        Assert.Equal(QemuParseStatus.OutOfRange, QemuStrtol.Strtoi64(text, 0, out var value));
        Assert.Equal(stored, value);
    }

    [Theory]
    [InlineData("- 5")] // the old -smp parser accepted this as -5
    [InlineData("x")]
    [InlineData("1.5")]
    public void Strtoi64RefusesNonIntegers(string text) =>
        Assert.Equal(QemuParseStatus.Invalid, QemuStrtol.Strtoi64(text, 0, out _));

    [Theory]
    [InlineData("0x", 0, 0UL, 1)] // "0x" without a hex digit is the number 0 followed by "x"
    [InlineData("12abc", 10, 12UL, 2)]
    [InlineData("12abc", 16, 0x12ABCUL, 5)]
    [InlineData("zZ", 36, 35UL * 36 + 35, 2)]
    [InlineData("0x1f", 16, 31UL, 4)]
    [InlineData("0x1f", 10, 0UL, 1)]
    public void StrtoullReportsWhereTheNumberEnds(string text, int radix, ulong expected, int expectedEnd)
    {
        Assert.True(QemuStrtol.Strtoull(text, 0, radix, out var value, out var end, out var overflow));
        Assert.Equal(expected, value);
        Assert.Equal(expectedEnd, end);
        Assert.False(overflow);
    }

    [Fact]
    public void StrtoullWithoutDigitsLeavesEndAtStart()
    {
        Assert.False(QemuStrtol.Strtoull("ab  -", 2, 10, out var value, out var end, out _));
        Assert.Equal(0UL, value);
        Assert.Equal(2, end);
    }

    [Fact]
    public void StrtoullOverflowStillConsumesEveryDigit()
    {
        Assert.True(QemuStrtol.Strtoull("99999999999999999999M", 0, 10, out var value, out var end, out var overflow));
        Assert.True(overflow);
        Assert.Equal(ulong.MaxValue, value);
        Assert.Equal(20, end);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(37)]
    [InlineData(-1)]
    public void InvalidBaseIsAProgrammingError(int radix) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => QemuStrtol.Strtou64("1", radix, out _));
}
