using Nemu.Qdev.Properties;
using Nemu.Qdev.Tests.TestDevices;

namespace Nemu.Qdev.Tests.Properties;

/// <summary>Property parsing, errors and printing as QEMU 7.2 does them (texts recorded from qemu-system-arm 7.2).</summary>
public sealed class DevicePropertyTests
{
    private static Device NewDevice(string type, IChardevResolver? chardevs = null) =>
        new QdevTree(TestDeviceTypes.CreateRegistry(), chardevs).Create(type);

    private static string ErrorOf(Action action) => Assert.Throws<QdevException>(action).Message;

    [Theory]
    [InlineData("cpu-num", "abc", "Parameter 'cpu-num' expects integer")]
    [InlineData("cpu-num", "-1", "Parameter 'cpu-num' expects uint32_t")]
    [InlineData("cpu-num", "4294967296", "Parameter 'cpu-num' expects uint32_t")]
    [InlineData("data-len", "300", "Parameter 'data-len' expects uint8_t")]
    [InlineData("data-len", "0x1ff", "Parameter 'data-len' expects uint8_t")]
    [InlineData("addr", "1k", "Parameter 'addr' expects integer")]
    [InlineData("data-be", "maybe", "Parameter 'data-be' expects 'on' or 'off'")]
    [InlineData("bogus", "1", "Property 'loader.bogus' not found")]
    public void DeviceOptionErrorsUseQemuKeyvalWording(string property, string value, string expected)
    {
        Assert.Equal(expected, ErrorOf(() => NewDevice("loader").SetProperty(property, value)));
    }

    [Theory]
    [InlineData("cpu-num", "abc", "Parameter 'cpu-num' expects uint64")]
    [InlineData("cpu-num", "-1", "Parameter 'cpu-num' expects uint32_t")]
    [InlineData("data-len", "300", "Parameter 'data-len' expects uint8_t")]
    [InlineData("data-be", "maybe", "Parameter 'data-be' expects 'on' or 'off'")]
    public void GlobalErrorsUseQemuStringVisitorWording(string property, string value, string expected)
    {
        Assert.Equal(expected, ErrorOf(() => NewDevice("loader").SetProperty(property, value, PropertySource.Global)));
    }

    [Theory]
    [InlineData("0x10", 16u)]
    [InlineData("010", 8u)]
    [InlineData(" 5", 5u)]
    [InlineData("+7", 7u)]
    [InlineData("4294967295", uint.MaxValue)]
    public void IntegersAcceptHexOctalAndDecimalLikeStrtoull(string text, uint expected)
    {
        var loader = (TestLoader)NewDevice("loader");
        loader.SetProperty("cpu-num", text);
        Assert.Equal(expected, loader.CpuNum);
    }

    [Fact]
    public void UInt64MinusOneWrapsAsStrtoullDoes()
    {
        var loader = (TestLoader)NewDevice("loader");
        loader.SetProperty("addr", "-1");
        Assert.Equal(ulong.MaxValue, loader.Addr);
    }

    [Theory]
    [InlineData("on", true)]
    [InlineData("yes", true)]
    [InlineData("true", true)]
    [InlineData("y", true)]
    [InlineData("off", false)]
    [InlineData("no", false)]
    [InlineData("false", false)]
    [InlineData("n", false)]
    public void BoolAcceptsQapiBoolSpellings(string text, bool expected)
    {
        var loader = (TestLoader)NewDevice("loader");
        loader.SetProperty("data-be", expected ? "off" : "on");
        loader.SetProperty("data-be", text);
        Assert.Equal(expected, loader.DataBe);
    }

    [Fact]
    public void Int32RangeAndNegativePrinting()
    {
        var device = (TestPropsDevice)NewDevice("test-props");
        Assert.Equal("-1 (0xffffffffffffffff)", device.PrintProperty("offset"));
        Assert.Equal("Parameter 'offset' expects int32_t", ErrorOf(() => device.SetProperty("offset", "2147483648")));
        Assert.Equal("Parameter 'big' expects integer", ErrorOf(() => device.SetProperty("big", "x")));
        Assert.Equal("Parameter 'big' expects int64", ErrorOf(() => device.SetProperty("big", "x", PropertySource.Global)));
        device.SetProperty("offset", "-0x10");
        Assert.Equal(-16, device.Offset);
        device.SetProperty("big", "-9223372036854775808");
        Assert.Equal(long.MinValue, device.Big);
    }

    [Theory]
    [InlineData("4096", 4096UL)]
    [InlineData("4k", 4096UL)]
    [InlineData("4K", 4096UL)]
    [InlineData("16M", 16UL << 20)]
    [InlineData("1.5M", 3UL << 19)]
    [InlineData("2G", 2UL << 30)]
    [InlineData("0x1000", 4096UL)]
    [InlineData("7B", 7UL)]
    public void SizeAcceptsQemuSuffixes(string text, ulong expected)
    {
        var device = (TestPropsDevice)NewDevice("test-props");
        device.SetProperty("size", text);
        Assert.Equal(expected, device.Size);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("4q")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("")]
    public void SizeRejectsMalformedText(string text)
    {
        Assert.Equal("Parameter 'size' expects size", ErrorOf(() => NewDevice("test-props").SetProperty("size", text)));
    }

    [Theory]
    [InlineData("16M", "16777216 (16 MiB)")]
    [InlineData("4096", "4096 (4 KiB)")]
    [InlineData("0", "0 (0 B)")]
    [InlineData("1000", "1000 (0.977 KiB)")]
    [InlineData("512", "512 (512 B)")]
    [InlineData("1.5G", "1610612736 (1.5 GiB)")]
    public void SizePrintsLikeTheHumanStringOutputVisitor(string text, string expected)
    {
        var device = NewDevice("test-props");
        device.SetProperty("size", text);
        Assert.Equal(expected, device.PrintProperty("size"));
    }

    [Fact]
    public void QtreePrintFormsPerType()
    {
        var uart = NewDevice("cmsdk-apb-uart");
        uart.SetProperty("pclk-frq", "25000000");
        Assert.Equal("25000000 (0x17d7840)", uart.PrintProperty("pclk-frq"));
        Assert.Equal("\"\"", uart.PrintProperty("chardev"));
        uart.SetProperty("chardev", "serial0");
        Assert.Equal("\"serial0\"", uart.PrintProperty("chardev"));

        var loader = NewDevice("loader");
        Assert.Equal("<null>", loader.PrintProperty("file"));
        Assert.Equal("false", loader.PrintProperty("data-be"));
        Assert.Equal("0 (0x0)", loader.PrintProperty("addr"));
        loader.SetProperty("file", "fw.elf");
        Assert.Equal("\"fw.elf\"", loader.PrintProperty("file"));

        var props = NewDevice("test-props");
        Assert.Null(props.PrintProperty("memory"));
    }

    [Fact]
    public void ChardevIdMustNameAnExistingChardev()
    {
        var uart = NewDevice("cmsdk-apb-uart", new FakeChardevs("serial0"));
        Assert.Equal("Property 'cmsdk-apb-uart.chardev' can't find value 'nosuch'", ErrorOf(() => uart.SetProperty("chardev", "nosuch")));
        uart.SetProperty("chardev", "serial0");
        Assert.Equal("serial0", ((TestUart)uart).ChardevId);
    }

    [Fact]
    public void LinkPropertyKeepsTheObjectPathForTheSystemLayer()
    {
        var device = (TestPropsDevice)NewDevice("test-props");
        device.SetProperty("memory", "/machine/unattached/system[0]");
        Assert.Equal("/machine/unattached/system[0]", device.Memory);
    }

    [Fact]
    public void DefaultsAreAppliedAtCreation()
    {
        var loader = (TestLoader)NewDevice("loader");
        Assert.Equal(uint.MaxValue, loader.CpuNum);
        Assert.Equal(-1, ((TestPropsDevice)NewDevice("test-props")).Offset);
    }

    [Fact]
    public void SettingAPropertyAfterRealizeIsRefused()
    {
        var tree = new QdevTree(TestDeviceTypes.CreateRegistry());
        var anonymous = tree.AddDevice([new("driver", "loader")]);
        Assert.Equal(
            "Attempt to set property 'addr' on anonymous device (type 'loader') after it was realized",
            ErrorOf(() => anonymous.SetProperty("addr", "1")));
        var named = tree.AddDevice([new("driver", "loader"), new("id", "ld")]);
        Assert.Equal(
            "Attempt to set property 'addr' on device 'ld' (type 'loader') after it was realized",
            ErrorOf(() => named.SetProperty("addr", "1")));
    }

    private sealed class FakeChardevs(params string[] ids) : IChardevResolver
    {
        public bool Exists(string id) => ids.Contains(id);
    }
}
