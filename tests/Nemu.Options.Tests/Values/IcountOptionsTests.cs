using Nemu.Options.Values;

namespace Nemu.Options.Tests.Values;

public sealed class IcountOptionsTests
{
    [Fact]
    public void ImpliedShiftAndFlags()
    {
        var o = IcountOptions.Parse("7,align=on");
        Assert.Equal(7, o.Shift);
        Assert.True(o.Align);
        Assert.True(o.Sleep);
        Assert.True(o.Enabled);
    }

    [Fact]
    public void AutoShift()
    {
        var o = IcountOptions.Parse("shift=auto,sleep=off");
        Assert.True(o.Auto);
        Assert.Null(o.Shift);
        Assert.False(o.Sleep);
    }

    [Theory]
    [InlineData("shift=foo", "icount: Invalid shift value")]
    [InlineData("help", "icount: Invalid shift value")]
    [InlineData("shift=11", "icount: Invalid shift value")]
    [InlineData("shift=-1", "icount: Invalid shift value")]
    [InlineData("shift=1,shift=foo", "icount: Invalid shift value")]
    [InlineData("align=on", "Please specify shift option when using align")]
    [InlineData("shift=5,align=on,sleep=off", "align=on and sleep=off are incompatible")]
    [InlineData("shift=5,rr=bogus", "Invalid icount rr option: bogus")]
    [InlineData("shift=5,rr=record", "File name not specified for replay")]
    [InlineData("shift=11,bogus=1", "Invalid parameter 'bogus'")]
    [InlineData("shift=11,sleep=maybe", "Parameter 'sleep' expects 'on' or 'off'")]
    public void ErrorsUseQemuWording(string text, string message) =>
        Assert.Equal(message, Assert.Throws<OptionsException>(() => IcountOptions.Parse(text)).Message);

    [Fact]
    public void LastShiftWins() => Assert.Equal(1, IcountOptions.Parse("shift=foo,shift=1").Shift);

    [Fact]
    public void HexShiftIsAccepted() => Assert.Equal(5, IcountOptions.Parse("shift=0x5").Shift);
}
