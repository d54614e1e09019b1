using Nemu.Options.CommandLine;

namespace Nemu.Options.Tests.CommandLine;

public sealed class CommandLineSplitterTests
{
    [Fact]
    public void DoubleDashIsTheSameOption()
    {
        var split = CommandLineSplitter.Split(["--machine", "none", "-M", "none"]);
        Assert.Same(split[0].Spec, split[1].Spec);
        Assert.Equal("--machine none", split[0].Location);
    }

    [Fact]
    public void ArgumentIsTakenEvenWhenItLooksLikeAnOption()
    {
        var split = CommandLineSplitter.Split(["-m", "-display"]);
        Assert.Equal("-display", Assert.Single(split).Argument);
    }

    [Theory]
    [InlineData("-foo")]
    [InlineData("--foo")]
    [InlineData("-")]
    [InlineData("--")]
    [InlineData("-machinex")]
    public void UnknownOptionIsInvalid(string typed)
    {
        var ex = Assert.Throws<OptionsException>(() => CommandLineSplitter.Split([typed]));
        Assert.Equal($"nemu-system-arm: {typed}: invalid option", ex.Format("nemu-system-arm"));
    }

    [Theory]
    [InlineData("-M")]
    [InlineData("--device")]
    [InlineData("-kernel")]
    public void MissingArgument(string typed)
    {
        var ex = Assert.Throws<OptionsException>(() => CommandLineSplitter.Split([typed]));
        Assert.Equal($"{typed}: requires an argument", ex.Location + ": " + ex.Message);
    }

    [Fact]
    public void PlainArgumentIsADiskImage() => Assert.Equal("hda", CommandLineSplitter.Split(["disk.img"])[0].Spec.Name);
}
