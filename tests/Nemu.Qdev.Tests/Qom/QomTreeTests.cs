using Nemu.Qdev.Qom;
using Nemu.Qdev.Tests.TestDevices;

namespace Nemu.Qdev.Tests.Qom;

/// <summary>The QOM view of a qdev tree: paths, child/link properties, device properties (qom/object.c, QEMU 7.2 texts).</summary>
public sealed class QomTreeTests
{
    private readonly QdevTree _tree = new(TestDeviceTypes.CreateRegistry());

    private Device Uart(string? name = null)
    {
        var uart = _tree.Create("cmsdk-apb-uart", name);
        uart.SetProperty("pclk-frq", "25000000");
        uart.Realize();
        return uart;
    }

    private QomTree Build() => QomTree.Build(_tree, new QomObject("test-machine"));

    [Fact]
    public void RootHasTheTopLevelContainers()
    {
        var view = Build();
        Assert.Equal(["type", "objects", "machine", "chardevs"], view.Root.Properties.Select(p => p.Name));
        Assert.Equal("child<test-machine>", view.Root.Find("machine")!.Type);
        Assert.Equal("container", view.Root.Get("type"));
    }

    [Fact]
    public void MachineGetsThePeripheralContainers()
    {
        var view = Build();
        foreach (var name in (string[])["peripheral", "peripheral-anon", "unattached"])
        {
            Assert.Equal("child<container>", view.Machine.Find(name)!.Type);
            Assert.Equal("/machine/" + name, view.Resolve("/machine/" + name)!.Path);
        }
    }

    [Fact]
    public void DevicesAppearAtTheirQdevPaths()
    {
        Uart("uart0");
        Uart();
        _tree.AddDevice([new("driver", "loader"), new("id", "l1")]);
        var view = Build();
        Assert.Equal("cmsdk-apb-uart", view.Resolve("/machine/uart0")!.TypeName);
        Assert.Equal("cmsdk-apb-uart", view.Resolve("/machine/unattached/device[0]")!.TypeName);
        Assert.Equal("loader", view.Resolve("/machine/peripheral/l1")!.TypeName);
        Assert.Equal("child<cmsdk-apb-uart>", view.Machine.Find("uart0")!.Type);
    }

    [Fact]
    public void DevicePropertiesHaveQemuTypesAndValues()
    {
        var uart = _tree.Create("cmsdk-apb-uart", "uart0");
        uart.SetProperty("pclk-frq", "25000000");
        uart.Realize();
        var obj = Build().Resolve("/machine/uart0")!;
        Assert.Equal(
            ["type:string", "parent_bus:link<bus>", "realized:bool", "hotplugged:bool", "hotpluggable:bool", "chardev:str", "pclk-frq:uint32", "uart[0]:child<memory-region>"],
            obj.Properties.Select(p => p.Name + ":" + p.Type));
        Assert.Equal(25000000UL, obj.Get("pclk-frq"));
        Assert.Equal(true, obj.Get("realized"));
        Assert.Equal(false, obj.Get("hotpluggable"));
        Assert.Equal("/machine/unattached/sysbus", obj.Get("parent_bus"));
    }

    [Fact]
    public void ChildBusesAreChildrenOfTheirDevice()
    {
        _tree.Create("test-i2c", "i2c0").Realize();
        _tree.AddDevice([new("driver", "test-sensor"), new("id", "s1")]);
        var view = Build();
        Assert.Equal("child<i2c-bus>", view.Resolve("/machine/i2c0")!.Find("i2c")!.Type);
        var sensor = view.Resolve("/machine/peripheral/s1")!;
        Assert.Equal("/machine/i2c0/i2c", sensor.Get("parent_bus"));
        Assert.Equal(0x48UL, sensor.Get("address"));
        Assert.Equal(true, sensor.Get("hotpluggable"));
    }

    [Fact]
    public void PathResolutionFollowsLinks()
    {
        _tree.Create("test-i2c", "i2c0").Realize();
        _tree.AddDevice([new("driver", "test-sensor"), new("id", "s1")]);
        Assert.Equal("i2c-bus", Build().Resolve("/machine/peripheral/s1/parent_bus")!.TypeName);
    }

    [Fact]
    public void PartialPathMustBeUnique()
    {
        Uart("uart0");
        var view = Build();
        Assert.Equal("/machine/uart0", view.Resolve("uart0")!.Path);

        // "sysbus" is unique, "type" names no object, and a name two objects share is ambiguous.
        Assert.NotNull(view.Resolve("sysbus"));
        Assert.Null(view.Resolve("nosuch"));
        _tree.Create("test-i2c", "a").Realize();
        _tree.Create("test-i2c", "b").Realize();
        Assert.Null(Build().Resolve("i2c"));
    }

    [Fact]
    public void UnknownPathIsDeviceNotFound()
    {
        var error = Assert.Throws<QomException>(() => Build().Get("/nosuch"));
        Assert.True(error.IsNotFound);
        Assert.Equal("Device '/nosuch' not found", error.Message);
    }

    [Fact]
    public void UnknownPropertyNamesTheType()
    {
        var error = Assert.Throws<QomException>(() => Build().Machine.Get("nosuch"));
        Assert.Equal("Property 'test-machine.nosuch' not found", error.Message);
        Assert.False(error.IsNotFound);
    }

    [Fact]
    public void ReadOnlyPropertyIsNotWritable()
    {
        var error = Assert.Throws<QomException>(() => Build().Machine.Set("type", "x"));
        Assert.Equal("Property 'test-machine.type' is not writable", error.Message);
    }

    [Fact]
    public void SettingADevicePropertyAfterRealizeFailsAsQdev()
    {
        Uart("uart0");
        var obj = Build().Resolve("/machine/uart0")!;
        Assert.Equal(
            "Attempt to set property 'pclk-frq' on anonymous device (type 'cmsdk-apb-uart') after it was realized",
            Assert.Throws<QomException>(() => obj.Set("pclk-frq", 5L)).Message);
        Assert.Equal("Invalid parameter type for 'pclk-frq', expected: integer", Assert.Throws<QomException>(() => obj.Set("pclk-frq", "5")).Message);
    }

    [Fact]
    public void SettingAnUnrealizedDevicePropertyStoresIt()
    {
        _tree.Create("cmsdk-apb-uart", "uart0");
        var obj = Build().Resolve("/machine/uart0")!;
        obj.Set("pclk-frq", 1000L);
        Assert.Equal(1000UL, obj.Get("pclk-frq"));
        Assert.Equal(false, obj.Get("realized"));
        obj.Set("realized", true);
        Assert.True(_tree.FindByPath("/machine/uart0")!.IsRealized);
    }

    [Fact]
    public void RemovedChildDisappearsFromThePath()
    {
        var view = Build();
        var extra = view.Machine.AddChild("extra", new QomObject("container"));
        Assert.Equal("/machine/extra", extra.Path);
        view.Machine.RemoveChild("extra");
        Assert.Null(view.Resolve("/machine/extra"));
        Assert.Null(extra.Parent);
    }

    [Fact]
    public void BusLinksItsDevicesInPlugOrder()
    {
        _tree.Create("test-i2c", "i2c0").Realize();
        _tree.AddDevice([new("driver", "test-sensor"), new("id", "s1")]);
        _tree.AddDevice([new("driver", "test-sensor"), new("id", "s2"), new("address", "0x49")]);
        var bus = Build().Resolve("/machine/i2c0/i2c")!;
        Assert.Equal("link<test-sensor>", bus.Find("child[0]")!.Type);
        Assert.Equal("/machine/peripheral/s1", bus.Get("child[0]"));
        Assert.Equal("/machine/peripheral/s2", bus.Get("child[1]"));
    }

    [Fact]
    public void DeviceOwnedRegionsAreNumberedMemoryRegionChildren()
    {
        Uart("uart0");
        var uart = Build().Resolve("/machine/uart0")!;
        Assert.Equal("child<memory-region>", uart.Find("uart[0]")!.Type);
        var region = uart.Follow("uart[0]")!;
        Assert.Equal("/machine/uart0/uart[0]", region.Path);
        Assert.Equal(0x1000UL, region.Get("size"));
        Assert.Equal(string.Empty, region.Get("container"));
    }

    [Fact]
    public void BoardObjectsAreAddedUnderTheirParentPath()
    {
        QomBoardObjects.Of(_tree).Add("/machine/SYSCLK", "clock");
        Assert.Same(QomBoardObjects.Of(_tree), QomBoardObjects.Of(_tree));
        var view = Build();
        Assert.Equal("child<clock>", view.Machine.Find("SYSCLK")!.Type);
        Assert.Equal("clock", view.Resolve("/machine/SYSCLK")!.Get("type"));
    }
}
