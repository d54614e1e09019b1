using Nemu.Qdev.Tests.TestDevices;

namespace Nemu.Qdev.Tests;

/// <summary>-device / -global handling, ids and paths, lifecycle (management.md §1.2; texts from qemu-system-arm 7.2).</summary>
public sealed class QdevTreeTests
{
    private readonly QdevTree _tree = new(TestDeviceTypes.CreateRegistry());

    private static KeyValuePair<string, string> Opt(string key, string value) => new(key, value);

    private string ErrorOf(params KeyValuePair<string, string>[] options) =>
        Assert.Throws<QdevException>(() => _tree.AddDevice(options)).Message;

    [Fact]
    public void UnknownDriverIsNotAValidDeviceModelName()
    {
        Assert.Equal("'nosuch' is not a valid device model name", ErrorOf(Opt("driver", "nosuch")));
    }

    [Fact]
    public void NonUserCreatableTypeIsRejectedByDashDevice()
    {
        Assert.Equal("Parameter 'driver' expects a pluggable device type", ErrorOf(Opt("driver", "cmsdk-apb-uart"), Opt("bogus", "1")));
    }

    [Fact]
    public void AbstractTypeIsRejected()
    {
        Assert.Equal("Parameter 'driver' expects a non-abstract device type", Assert.Throws<QdevException>(() => _tree.Create("sys-bus-device")).Message);
    }

    [Fact]
    public void MissingDriverIsReported()
    {
        Assert.Equal("Parameter 'driver' is missing", ErrorOf(Opt("id", "x")));
    }

    [Fact]
    public void DuplicateIdIsRejected()
    {
        _tree.AddDevice([Opt("driver", "loader"), Opt("id", "x")]);
        Assert.Equal("Duplicate ID 'x' for device", ErrorOf(Opt("driver", "loader"), Opt("id", "x")));
    }

    [Theory]
    [InlineData("1x")]
    [InlineData("a/b")]
    [InlineData("")]
    public void MalformedIdIsRejectedWithQemuHint(string id)
    {
        Assert.Equal(
            "Parameter 'id' expects an identifier\nIdentifiers consist of letters, digits, '-', '.', '_', starting with a letter.",
            ErrorOf(Opt("driver", "loader"), Opt("id", id)));
    }

    [Fact]
    public void UnknownPropertyOnDashDevice()
    {
        Assert.Equal("Property 'loader.bogus' not found", ErrorOf(Opt("driver", "loader"), Opt("bogus", "1")));
        Assert.Empty(_tree.Devices);
    }

    [Fact]
    public void DevicesGetQomPaths()
    {
        var named = _tree.AddDevice([Opt("driver", "loader"), Opt("id", "ld0")]);
        var anon0 = _tree.AddDevice([Opt("driver", "loader")]);
        var anon1 = _tree.AddDevice([Opt("driver", "loader")]);
        var board0 = _tree.Create("cmsdk-apb-uart");
        var board1 = _tree.Create("cmsdk-apb-uart");
        var namedBoard = _tree.Create("test-i2c", "i2c0");
        Assert.Equal("/machine/peripheral/ld0", named.Path);
        Assert.Equal("/machine/peripheral-anon/device[0]", anon0.Path);
        Assert.Equal("/machine/peripheral-anon/device[1]", anon1.Path);
        Assert.Equal("/machine/unattached/device[0]", board0.Path);
        Assert.Equal("/machine/unattached/device[1]", board1.Path);
        Assert.Equal("/machine/i2c0", namedBoard.Path);
        Assert.Same(named, _tree.FindById("ld0"));
        Assert.Same(board1, _tree.FindByPath("/machine/unattached/device[1]"));
    }

    [Fact]
    public void DeviceOptionOverridesGlobal()
    {
        _tree.AddGlobal(new GlobalProperty("loader", "cpu-num", "3"));
        _tree.AddGlobal(new GlobalProperty("loader", "data-len", "4"));
        var loader = (TestLoader)_tree.AddDevice([Opt("driver", "loader"), Opt("cpu-num", "1")]);
        Assert.Equal(1u, loader.CpuNum);
        Assert.Equal(4, loader.DataLen);
    }

    [Fact]
    public void GlobalAppliesToSubtypesOfItsDriver()
    {
        _tree.AddGlobal(new GlobalProperty("sys-bus-device", "pclk-frq", "7"));
        var uart = _tree.Create<TestUart>("cmsdk-apb-uart");
        Assert.Equal(7u, uart.PclkFrq);

        // As in QEMU, a global naming a parent type is fatal for a subtype that lacks the property.
        Assert.Equal(
            "can't apply global sys-bus-device.pclk-frq=7: Property 'test-i2c.pclk-frq' not found",
            Assert.Throws<QdevException>(() => _tree.Create("test-i2c")).Message);
    }

    [Fact]
    public void BadGlobalFailsDeviceCreationWithQemuPrefix()
    {
        _tree.AddGlobal(new GlobalProperty("loader", "bogus", "1"));
        Assert.Equal("can't apply global loader.bogus=1: Property 'loader.bogus' not found", ErrorOf(Opt("driver", "loader")));
    }

    [Fact]
    public void BadGlobalValueUsesStringVisitorWording()
    {
        _tree.AddGlobal(new GlobalProperty("cmsdk-apb-uart", "pclk-frq", "abc"));
        Assert.Equal(
            "can't apply global cmsdk-apb-uart.pclk-frq=abc: Parameter 'pclk-frq' expects uint64",
            Assert.Throws<QdevException>(() => _tree.Create("cmsdk-apb-uart")).Message);
    }

    [Theory]
    [InlineData("loader.cpu-num=3", "loader", "cpu-num", "3")]
    [InlineData("cmsdk-apb-uart.chardev=a=b", "cmsdk-apb-uart", "chardev", "a=b")]
    public void GlobalOptionTextParses(string text, string driver, string property, string value)
    {
        Assert.Equal(new GlobalProperty(driver, property, value), GlobalProperty.TryParse(text));
    }

    [Theory]
    [InlineData("foo")]
    [InlineData("foo=1")]
    [InlineData(".x=1")]
    [InlineData("a.=1")]
    public void MalformedGlobalOptionTextIsNotParsed(string text)
    {
        Assert.Null(GlobalProperty.TryParse(text));
    }

    [Fact]
    public void RealizeFailureIsReportedAndTheIdCanBeReused()
    {
        Assert.Equal("data-len cannot be greater then 8 bytes", ErrorOf(Opt("driver", "loader"), Opt("id", "a"), Opt("data-len", "9")));
        Assert.Null(_tree.FindById("a"));
        _tree.AddDevice([Opt("driver", "loader"), Opt("id", "a")]);
    }

    [Fact]
    public void LifecycleRunsRealizeResetUnrealizeInOrder()
    {
        var loader = (TestLoader)_tree.AddDevice([Opt("driver", "loader"), Opt("id", "l")]);
        Assert.True(loader.IsRealized);
        loader.Realize();
        _tree.ResetAll();
        _tree.Remove(loader);
        Assert.Equal(["realize", "reset", "unrealize"], loader.Calls);
        Assert.False(loader.IsRealized);
        Assert.Null(_tree.FindById("l"));
    }

    [Fact]
    public void ResetRestoresStateResetValuesThenRunsTheDeviceHook()
    {
        var sensor = _tree.Create("test-sensor", bus: _tree.Create<TestI2cController>("test-i2c").Bus);
        sensor.Realize();
        sensor.VmState!.Load(new byte[] { 0x50, 0x00, 0x10 }, 2);
        sensor.Reset();
        var saved = sensor.VmState.Save();

        // address 0 and temperature 25 come from the description; the hook then raised the alarm subsection.
        Assert.Equal((byte[])[0x00, 0x00, 25, 0x05, 17, .. "test-sensor/alarm"u8.ToArray(), 0, 0, 0, 1, 1], saved);
    }

    [Fact]
    public void BusIsChosenByTypeOrByName()
    {
        Assert.Equal("No 'i2c-bus' bus found for device 'test-sensor'", ErrorOf(Opt("driver", "test-sensor")));
        var controller = _tree.Create<TestI2cController>("test-i2c");
        var sensor = _tree.AddDevice([Opt("driver", "test-sensor")]);
        Assert.Same(controller.Bus, sensor.ParentBus);
        Assert.Equal("Bus 'nosuch' not found", ErrorOf(Opt("driver", "test-sensor"), Opt("bus", "nosuch")));
        Assert.Equal("Device 'test-sensor' can't go on System bus", ErrorOf(Opt("driver", "test-sensor"), Opt("bus", "main-system-bus")));
        Assert.Same(controller.Bus, _tree.AddDevice([Opt("driver", "test-sensor"), Opt("bus", "i2c")]).ParentBus);
    }

    [Fact]
    public void SysbusDevicesPlugIntoTheMainSystemBus()
    {
        var uart = _tree.Create("cmsdk-apb-uart");
        Assert.Same(_tree.SystemBus, uart.ParentBus);
        Assert.Equal("main-system-bus", _tree.SystemBus.Name);
        Assert.Equal("System", _tree.SystemBus.TypeName);
    }

    [Fact]
    public void RealizeErrorFromBoardDeviceCarriesTheDeviceMessage()
    {
        var uart = _tree.Create("cmsdk-apb-uart");
        Assert.Equal("cmsdk-apb-uart: pclk-frq property must be set", Assert.Throws<QdevException>(uart.Realize).Message);
        Assert.False(uart.IsRealized);
    }
}
