using Nemu.Monitor.Qmp.Json;
using Nemu.Monitor.Qmp.Schema;

namespace Nemu.Monitor.Tests.Qmp.Commands;

public sealed class QomCommandsTests
{
    [Fact]
    public void RootListsTypeAndTheTopContainers()
    {
        using var m = new QmpCommandMachine("-M", "mps2-an385", "-nodefaults");
        var names = Names(m.Run("qom-list", """{"path": "/"}"""));
        Assert.Equal(["type:string", "objects:child<container>", "machine:child<mps2-an385-machine>", "chardevs:child<container>"], names);
    }

    [Fact]
    public void EachVcChardevHasAConsoleUnderBackend()
    {
        // QEMU 7.2 without -nodefaults: the default monitor, serial0 and parallel0 are vc consoles,
        // /backend/console[0..2] of type qemu-console with the properties device and head.
        using var m = new QmpCommandMachine("-M", "mps2-an385");
        Assert.Contains("backend:child<container>", Names(m.Run("qom-list", """{"path": "/"}""")));
        Assert.Equal(
            ["console[0]:child<qemu-console>", "console[1]:child<qemu-console>", "console[2]:child<qemu-console>", "type:string"],
            Names(m.Run("qom-list", """{"path": "/backend"}""")).Order(StringComparer.Ordinal));
        Assert.Equal(["type:string", "device:link<device>", "head:uint32"], Names(m.Run("qom-list", """{"path": "/backend/console[0]"}""")));
    }

    [Fact]
    public void MachineListsQemusMachinePropertiesAndChildren()
    {
        using var m = new QmpCommandMachine("-M", "mps2-an385");
        var names = Names(m.Run("qom-list", """{"path": "/machine"}"""));

        // A subset of issue7-ref/qmp-an385-loop.txt qom-list /machine, with the board's named children.
        foreach (var expected in (string[])["REFCLK:child<clock>", "SYSCLK:child<clock>", "timer0:child<cmsdk-apb-timer>",
            "timer1:child<cmsdk-apb-timer>", "dualtimer:child<cmsdk-apb-dualtimer>", "watchdog:child<cmsdk-apb-watchdog>",
            "fpgaio:child<mps2-fpgaio>", "scc:child<mps2-scc>", "type:string", "kernel:string", "dt-compatible:string", "boot:BootConfiguration",
            "memory:MemorySizeConfiguration", "confidential-guest-support:link<confidential-guest-support>", "smp:SMPConfiguration",
            "phandle-start:int", "memory-backend:link<memory-backend>", "suppress-vmdesc:bool", "peripheral:child<container>",
            "armv7m:child<armv7m>", "unattached:child<container>", "peripheral-anon:child<container>"])
        {
            Assert.Contains(expected, names);
        }
    }

    [Fact]
    public void VirtMachineListsItsBoardProperties()
    {
        using var m = new QmpCommandMachine("-M", "virt,highmem=off", "-nodefaults");
        Assert.Equal(new JsonString("virt-7.2-machine"), m.Run("qom-get", """{"path": "/machine", "property": "type"}"""));
        var names = Names(m.Run("qom-list", """{"path": "/machine"}"""));
        foreach (var expected in (string[])["highmem:bool", "acpi:OnOffAuto", "gic-version:string", "pflash0:str", "iommu:string", "virtualization:bool"])
        {
            Assert.Contains(expected, names);
        }

        Assert.Equal(JsonBool.False, m.Run("qom-get", """{"path": "/machine", "property": "highmem"}"""));
        Assert.Equal(new JsonString("2"), m.Run("qom-get", """{"path": "/machine", "property": "gic-version"}"""));
        Assert.Contains("virt.flash0:child<cfi.pflash01>", Names(m.Run("qom-list", """{"path": "/machine"}""")));
    }

    [Fact]
    public void ChardevsAreListedByBackendType()
    {
        using var m = new QmpCommandMachine("-M", "mps2-an385", "-chardev", "null,id=n0", "-serial", "chardev:n0");
        Assert.Contains("n0:child<chardev-null>", Names(m.Run("qom-list", """{"path": "/chardevs"}""")));
        Assert.Equal(new JsonString("chardev-null"), m.Run("qom-get", """{"path": "/chardevs/n0", "property": "type"}"""));
    }

    [Fact]
    public void PciDeviceListsItsMemoryRegionsAndLegacyAddr()
    {
        using var m = new QmpCommandMachine("-M", "virt,highmem=off", "-nodefaults", "-device", "edu");
        var names = Names(m.Run("qom-list", """{"path": "/machine/peripheral-anon/device[0]"}"""));
        foreach (var expected in (string[])["bus master container[0]:child<memory-region>", "bus master[0]:child<memory-region>",
            "edu-mmio[0]:child<memory-region>", "legacy-addr:str"])
        {
            Assert.Contains(expected, names);
        }

        Assert.Equal(new JsonString("01.0"), m.Run("qom-get", """{"path": "/machine/peripheral-anon/device[0]", "property": "legacy-addr"}"""));
        Assert.Equal(new JsonString("/machine/peripheral-anon/device[0]/bus master container[0]"),
            m.Run("qom-get", """{"path": "/machine/peripheral-anon/device[0]/bus master[0]", "property": "container"}"""));
    }

    [Fact]
    public void RootHasNoBackendContainerWithoutTextConsoles()
    {
        using var m = new QmpCommandMachine("-M", "mps2-an385", "-nodefaults");
        Assert.DoesNotContain("backend:child<container>", Names(m.Run("qom-list", """{"path": "/"}""")));
    }

    [Fact]
    public void UnknownPathIsDeviceNotFound()
    {
        using var m = new QmpCommandMachine("-M", "mps2-an385");
        foreach (var (command, args) in new[] { ("qom-list", """{"path": "/nosuch"}"""), ("qom-get", """{"path": "/nosuch", "property": "type"}""") })
        {
            var error = m.Fail(command, args);
            Assert.Equal(QmpErrorClass.DeviceNotFound, error.ErrorClass);
            Assert.Equal("Device '/nosuch' not found", error.Message);
        }
    }

    [Fact]
    public void GetReadsTypeRealizedAndLinks()
    {
        using var m = new QmpCommandMachine("-M", "mps2-an385");
        Assert.Equal(new JsonString("mps2-an385-machine"), m.Run("qom-get", """{"path": "/machine", "property": "type"}"""));
        Assert.Equal(JsonBool.True, m.Run("qom-get", """{"path": "/machine/unattached/device[0]", "property": "realized"}"""));
        Assert.Equal(new JsonString("/machine/unattached/sysbus"), m.Run("qom-get", """{"path": "/machine/armv7m", "property": "parent_bus"}"""));
        Assert.Equal(new JsonString("cortex-m3-arm-cpu"), m.Run("qom-get", """{"path": "/machine/armv7m/cpu", "property": "type"}"""));
    }

    [Fact]
    public void PartialPathResolvesAUniqueObject()
    {
        using var m = new QmpCommandMachine("-M", "mps2-an385");
        Assert.Equal(new JsonString("armv7m"), m.Run("qom-get", """{"path": "armv7m", "property": "type"}"""));
    }

    [Fact]
    public void UnknownPropertyNamesTheType()
    {
        using var m = new QmpCommandMachine("-M", "mps2-an385");
        Assert.Equal("Property 'mps2-an385-machine.nosuch' not found", m.Fail("qom-get", """{"path": "/machine", "property": "nosuch"}""").Message);
        Assert.Equal("Property 'container.nosuch' not found", m.Fail("qom-get", """{"path": "/machine/peripheral", "property": "nosuch"}""").Message);
    }

    [Fact]
    public void SetChecksTheValueType()
    {
        using var m = new QmpCommandMachine("-M", "mps2-an385");
        Assert.Equal("{}", m.Run("qom-set", """{"path": "/machine", "property": "kernel", "value": "foo"}""").ToString());
        Assert.Equal("foo", m.Machine.KernelFilename);
        Assert.Equal(new JsonString("foo"), m.Run("qom-get", """{"path": "/machine", "property": "kernel"}"""));
        Assert.Equal("Invalid parameter type for 'kernel', expected: string", m.Fail("qom-set", """{"path": "/machine", "property": "kernel", "value": 5}""").Message);
    }

    [Fact]
    public void SetOfAReadOnlyPropertyIsNotWritable()
    {
        using var m = new QmpCommandMachine("-M", "mps2-an385");
        Assert.Equal("Property 'mps2-an385-machine.type' is not writable", m.Fail("qom-set", """{"path": "/machine", "property": "type", "value": "x"}""").Message);
    }

    [Fact]
    public void PciDeviceAddressReadsAsDevfn()
    {
        // issue7-ref/qmp-virt.txt: edu at 00:01.0 has addr 8.
        using var m = new QmpCommandMachine("-M", "virt,highmem=off", "-nodefaults", "-device", "edu");
        Assert.Equal(JsonNumber.FromInt64(8), m.Run("qom-get", """{"path": "/machine/peripheral-anon/device[0]", "property": "addr"}"""));
        var names = Names(m.Run("qom-list", """{"path": "/machine/peripheral-anon/device[0]"}"""));
        Assert.Equal(["type:string", "parent_bus:link<bus>", "realized:bool", "hotplugged:bool", "hotpluggable:bool"], names.Take(5));
        Assert.Contains("addr:int32", names);
        Assert.Contains("dma_mask:uint64", names);
    }

    private static List<string> Names(JsonValue list) =>
        [.. ((JsonArray)list).Items.Cast<JsonObject>().Select(p => ((JsonString)p["name"]!).Value + ":" + ((JsonString)p["type"]!).Value)];
}
