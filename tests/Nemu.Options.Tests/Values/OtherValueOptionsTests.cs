using Nemu.Options.Values;

namespace Nemu.Options.Tests.Values;

public sealed class OtherValueOptionsTests
{
    [Fact]
    public void SemihostingConfigDefaultsToEnabledAutoAndCollectsArgs()
    {
        var c = SemihostingConfig.Parse("target=native,arg=prog,arg=a,,b");
        Assert.True(c.Enabled);
        Assert.Equal(SemihostingTarget.Native, c.Target);
        Assert.Equal(["prog", "a,b"], c.Args);
    }

    [Theory]
    [InlineData("target=foo", "unsupported semihosting-config target=foo")]
    [InlineData("enable=maybe", "Parameter 'enable' expects 'on' or 'off'")]
    [InlineData("bogus=1", "Invalid parameter 'bogus'")]
    [InlineData("on", "Invalid parameter 'on'")]
    public void SemihostingConfigErrors(string text, string message) =>
        Assert.Equal(message, Assert.Throws<OptionsException>(() => SemihostingConfig.Parse(text)).Message);

    [Theory]
    [InlineData("16M", 16UL << 20)]
    [InlineData("size=16M", 16UL << 20)]
    [InlineData("16", 16UL << 20)]
    [InlineData("0x10", 16UL << 20)]
    [InlineData("16b", 16UL)]
    [InlineData("4G,slots=2,maxmem=8G", 4UL << 30)]
    public void MemorySizeWithoutSuffixIsMiB(string text, ulong bytes) => Assert.Equal(bytes, MemoryOptions.Parse(text).Size);

    [Fact]
    public void MemorySlotsAndMaxmem()
    {
        var m = MemoryOptions.Parse("1G,slots=2,maxmem=4G");
        Assert.Equal(2UL, m.Slots);
        Assert.Equal(4UL << 30, m.MaxMem);
    }

    [Theory]
    [InlineData("16M,bogus=1", "Invalid parameter 'bogus'")]
    [InlineData("16M,slots=x", "Parameter 'slots' expects a number")]
    [InlineData("16M,maxmem=foo", "Parameter 'maxmem' expects a non-negative number below 2^64")]
    [InlineData("1.5", "Parameter 'size' expects a non-negative number below 2^64")]
    [InlineData("17E", "Value '17E' is out of range for parameter 'size'")]
    [InlineData("16384P", "Value '16384P' is out of range for parameter 'size'")]
    public void MemoryErrors(string text, string message) =>
        Assert.Equal(message, Assert.Throws<OptionsException>(() => MemoryOptions.Parse(text)).Message);

    [Fact]
    public void SmpImpliedCpusAndTopology()
    {
        var s = SmpOptions.Parse("4,sockets=1,cores=2,threads=2");
        Assert.Equal(4, s.Cpus);
        Assert.Equal(2, s.Cores);
    }

    [Theory]
    [InlineData("foo", "Parameter 'smp.cpus' expects integer")]
    [InlineData("cpus=2,bogus=1", "Parameter 'smp.bogus' is unexpected")]
    public void SmpErrors(string text, string message) =>
        Assert.Equal(message, Assert.Throws<OptionsException>(() => SmpOptions.Parse(text)).Message);

    [Fact]
    public void AccelTcgWithThread()
    {
        var a = AccelOptions.Parse("tcg,thread=single");
        Assert.Equal("tcg", a.Name);
        Assert.Equal("single", a.Properties[0].Value);
    }

    [Theory]
    [InlineData("kvm", "invalid accelerator kvm")]
    [InlineData("nosuch", "invalid accelerator nosuch")]
    [InlineData("tcg,thread=bogus", "Invalid 'thread' setting bogus")]
    [InlineData("tcg,bogus=1", "Property 'tcg-accel.bogus' not found")]
    [InlineData("tcg,help", "Property 'tcg-accel.help' not found")]
    public void AccelErrors(string text, string message) =>
        Assert.Equal(message, Assert.Throws<OptionsException>(() => AccelOptions.Parse(text)).Message);

    [Theory]
    [InlineData("cmsdk-apb-uart.pclk-frq=25000000", "cmsdk-apb-uart", "pclk-frq", "25000000")]
    [InlineData("a.b=c,d", "a", "b", "c,d")]
    [InlineData("driver=a,property=b,value=c", "a", "b", "c")]
    public void GlobalForms(string text, string driver, string property, string value) =>
        Assert.Equal(new GlobalOption(driver, property, value), GlobalOption.Parse(text, out _));

    [Theory]
    [InlineData("x", "Invalid parameter 'x'")]
    [InlineData(".b=1", "Invalid parameter '.b'")]
    [InlineData("driver=a,property=b", "options 'driver', 'property', and 'value' are required")]
    public void GlobalErrors(string text, string message) =>
        Assert.Equal(message, Assert.Throws<OptionsException>(() => GlobalOption.Parse(text, out _)).Message);
}
