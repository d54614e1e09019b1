// QemuOpts' number wrapper (parse_option_number): its error texts. The parsing itself (qemu_strtou64) is
// tested in Nemu.Core.Tests/Text/QemuStrtolTests.
using Nemu.Options.Values;

namespace Nemu.Options.Tests.Values;

public sealed class QemuNumberTests
{
    [Theory]
    [InlineData("0x10", 16UL)]
    [InlineData("-1", ulong.MaxValue)]
    public void ParseReturnsTheQemuStrtou64Value(string text, ulong expected) => Assert.Equal(expected, QemuNumber.Parse("n", text));

    [Theory]
    [InlineData("")]
    [InlineData("x")]
    [InlineData("0x")]
    [InlineData("08")]
    [InlineData("1k")]
    public void JunkExpectsANumber(string text) =>
        Assert.Equal("Parameter 'n' expects a number", Assert.Throws<OptionsException>(() => QemuNumber.Parse("n", text)).Message);

    [Fact]
    public void OverflowIsTooLarge() =>
        Assert.Equal(
            "Value '18446744073709551616' is too large for parameter 'n'",
            Assert.Throws<OptionsException>(() => QemuNumber.Parse("n", "18446744073709551616")).Message);
}
