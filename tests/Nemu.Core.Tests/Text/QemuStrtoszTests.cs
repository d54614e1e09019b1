// qemu_strtosz / qemu_strtosz_MiB (QEMU 7.2 util/cutils.c do_strtosz). Vectors merged from the former
// Nemu.Options QemuSize and Nemu.Qdev QemuNumberParser tests. Where those disagreed with each other or with
// QEMU, the expected value was recorded from qemu-system-arm 7.2 on x86-64
// (-object memory-backend-ram,id=m,size=TEXT then "info memdev", and -m TEXT for the error kinds).
using Nemu.Core.Text;

namespace Nemu.Core.Tests.Text;

public sealed class QemuStrtoszTests
{
    [Theory]
    [InlineData("0", 0UL)]
    [InlineData("4096", 4096UL)]
    [InlineData("16M", 16UL << 20)]
    [InlineData("16m", 16UL << 20)]
    [InlineData("1k", 1024UL)]
    [InlineData("1K", 1024UL)]
    [InlineData("4k", 4096UL)]
    [InlineData("2G", 2UL << 30)]
    [InlineData("1T", 1UL << 40)]
    [InlineData("1P", 1UL << 50)]
    [InlineData("15E", 15UL << 60)]
    [InlineData("16b", 16UL)]
    [InlineData("7B", 7UL)]
    [InlineData("0x1000", 0x1000UL)]
    [InlineData("0x10M", 0x10UL << 20)] // QEMU 7.2 also warns that a suffix on hex is deprecated
    [InlineData("0x1E", 0x1EUL)] // E is a hex digit here, not exabytes
    [InlineData("+0x10", 16UL)]
    [InlineData("1.5G", 3UL << 29)]
    [InlineData("1.5M", 3UL << 19)]
    [InlineData("1.k", 1024UL)] // strtod fails on ".k"; QEMU skips the '.'
    [InlineData("1.5e", 3UL << 59)] // no exponent digits: 'e' is the exabyte suffix
    [InlineData(" 16M", 16UL << 20)]
    [InlineData("18446744073709551615", ulong.MaxValue)]
    [InlineData("0.0009765625k", 1UL)]
    [InlineData("0.0004882812k", 0UL)]
    public void ValidSizesFollowQemuStrtosz(string text, ulong expected)
    {
        Assert.Equal(QemuParseStatus.Ok, QemuStrtosz.Strtosz(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("+1M", 1UL << 20)] // the old Qdev parser refused a '+' sign
    [InlineData("010", 10UL)] // decimal, not octal: the old Qdev parser gave 8
    [InlineData("08", 8UL)] // the old Qdev parser refused it as bad octal
    [InlineData("0.0005k", 1UL)] // 0.512 bytes rounds half up: the old Qdev parser truncated to 0
    public void IntegralPartIsDecimalAndFractionsRoundHalfUp(string text, ulong expected)
    {
        Assert.Equal(QemuParseStatus.Ok, QemuStrtosz.Strtosz(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("16X")]
    [InlineData("4q")]
    [InlineData("abc")]
    [InlineData("-16M")]
    [InlineData("-1")]
    [InlineData("-0")]
    [InlineData("0x")]
    [InlineData("0x1.8M")]
    [InlineData("1e3")]
    [InlineData("1e3M")]
    [InlineData("1.5e3M")]
    [InlineData("1.5e3k")]
    [InlineData("16MB")]
    [InlineData("16 M")]
    [InlineData("0.5.5")]
    [InlineData("")]
    [InlineData("inf")]
    [InlineData(".5M")]
    [InlineData("1.5")] // a fraction needs a scale larger than bytes
    [InlineData("1.5B")]
    [InlineData("0.5")]
    [InlineData("\u00a016M")] // not C white space: the old Qdev parser accepted it
    [InlineData("99999999999999999999M")] // overflow then a suffix is -EINVAL: old Options said "out of range"
    [InlineData("0x10000000000000000k")]
    public void MalformedSizesAreInvalid(string text) =>
        Assert.Equal(QemuParseStatus.Invalid, QemuStrtosz.Strtosz(text, out _));

    [Theory]
    [InlineData("99999999999999999999")]
    [InlineData("-99999999999999999999")] // strtoull's ERANGE comes before the '-' check
    [InlineData("16E")]
    [InlineData("16e")]
    [InlineData("17E")]
    [InlineData("0x10000000000000000")]
    public void OverflowIsOutOfRange(string text) =>
        Assert.Equal(QemuParseStatus.OutOfRange, QemuStrtosz.Strtosz(text, out _));

    [Fact]
    public void MiBIsTheDefaultScaleOfStrtoszMiB()
    {
        Assert.Equal(QemuParseStatus.Ok, QemuStrtosz.StrtoszMiB("16", out var plain));
        Assert.Equal(16UL << 20, plain);
        Assert.Equal(QemuParseStatus.Ok, QemuStrtosz.StrtoszMiB("16k", out var kib));
        Assert.Equal(16UL << 10, kib);
        Assert.Equal(QemuParseStatus.Ok, QemuStrtosz.StrtoszMiB("1.5", out var fraction));
        Assert.Equal(3UL << 19, fraction);
    }

    [Fact]
    public void FractionThatRoundsToOneConvertsToZeroAsOnX86()
    {
        Assert.Equal(QemuParseStatus.Ok, QemuStrtosz.Strtosz("1.99999999999999999999k", out var rounded));
        Assert.Equal(1024UL, rounded);
        Assert.Equal(QemuParseStatus.Ok, QemuStrtosz.Strtosz("1.9999999999999999k", out var below));
        Assert.Equal(2048UL, below);
    }

    [Fact]
    public void UnderflowingFractionSkipsOneCharacterAsQemuDoes()
    {
        // 1e-307 is a normal double; 1e-310 underflows, strtod reports ERANGE and QEMU steps over the 'k'.
        Assert.Equal(QemuParseStatus.Ok, QemuStrtosz.Strtosz("1." + new string('0', 306) + "1k", out var normal));
        Assert.Equal(1024UL, normal);
        Assert.Equal(QemuParseStatus.Ok, QemuStrtosz.Strtosz("1." + new string('0', 309) + "1k", out var underflow));
        Assert.Equal(1UL, underflow);
    }

    [Fact]
    public void DefaultSuffixMustBeASizeSuffix() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => QemuStrtosz.Parse("1", 'X', out _));
}
