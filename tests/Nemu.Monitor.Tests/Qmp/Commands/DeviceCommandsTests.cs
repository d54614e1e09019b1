using Nemu.Monitor.Qmp.Json;
using Nemu.Monitor.Qmp.Schema;
using Nemu.System;

namespace Nemu.Monitor.Tests.Qmp.Commands;

public sealed class DeviceCommandsTests
{
    private static readonly string[] Virt = ["-M", "virt,highmem=off", "-nodefaults", "-S"];

    [Fact]
    public void UnknownDriverIsRefusedAsQemu()
    {
        using var m = new QmpCommandMachine("-M", "mps2-an385");
        Assert.Equal("'nosuchdev' is not a valid device model name", m.Fail("device_add", """{"driver": "nosuchdev", "id": "d0"}""").Message);
    }

    [Fact]
    public void NonPluggableDriverIsRefusedAsQemu()
    {
        using var m = new QmpCommandMachine("-M", "mps2-an385");
        Assert.Equal("Parameter 'driver' expects a pluggable device type", m.Fail("device_add", """{"driver": "cmsdk-apb-uart", "id": "d0"}""").Message);
    }

    [Fact]
    public void MalformedIdIsCheckedBeforeTheDriver()
    {
        using var m = new QmpCommandMachine("-M", "mps2-an385");
        Assert.Equal("Parameter 'id' expects an identifier", m.Fail("device_add", """{"driver": "nosuchdev", "id": "1bad"}""").Message);
    }

    [Fact]
    public void PciDeviceOnMps2HasNoBus()
    {
        using var m = new QmpCommandMachine("-M", "mps2-an385");
        Assert.Equal("No 'PCI' bus found for device 'edu'", m.Fail("device_add", """{"driver": "edu"}""").Message);
    }

    [Fact]
    public void RootBusOfVirtDoesNotSupportHotplug()
    {
        using var m = new QmpCommandMachine([.. Virt, "-device", "edu"]);
        Assert.Equal("Bus 'pcie.0' does not support hotplugging", m.Fail("device_add", """{"driver": "edu", "id": "e1"}""").Message);
    }

    [Fact]
    public void DeviceDelOfUnknownIdIsDeviceNotFound()
    {
        using var m = new QmpCommandMachine("-M", "mps2-an385");
        var error = m.Fail("device_del", """{"id": "nosuch"}""");
        Assert.Equal(QmpErrorClass.DeviceNotFound, error.ErrorClass);
        Assert.Equal("Device 'nosuch' not found", error.Message);
    }

    [Fact]
    public void DeviceDelOfABoardDeviceNamesItsBus()
    {
        using var m = new QmpCommandMachine("-M", "mps2-an385");
        Assert.Equal("Bus 'main-system-bus' does not support hotplugging", m.Fail("device_del", """{"id": "/machine/armv7m"}""").Message);
    }

    [Fact]
    public void EduHotplugsOntoARootPortAndUnplugsWithDeviceDeleted()
    {
        using var m = new QmpCommandMachine([.. Virt, "-device", "pcie-root-port,id=rp1,chassis=1"]);
        var events = new List<MachineEvent>();
        m.Machine.EventRaised += events.Add;

        Assert.Equal("{}", m.Run("device_add", """{"driver": "edu", "id": "e1", "bus": "rp1"}""").ToString());
        Assert.NotNull(m.Machine.Qdev.FindByPath("/machine/peripheral/e1"));
        Assert.Equal("Duplicate device ID 'e1'", m.Fail("device_add", """{"driver": "edu", "id": "e1", "bus": "rp1"}""").Message);
        Assert.Equal("Parameter 'dma_mask' expects integer", m.Fail("device_add", """{"driver": "edu", "id": "e2", "bus": "rp1", "dma_mask": "x"}""").Message);
        Assert.Null(m.Machine.Qdev.FindById("e2"));

        Assert.Equal("{}", m.Run("device_del", """{"id": "e1"}""").ToString());

        // The event comes after the return (issue7-ref/qmp-virt-hotplug.txt): it is posted to the main loop.
        Assert.Empty(events);
        m.RunPending();
        Assert.Equal(new DeviceDeletedEvent("e1", "/machine/peripheral/e1"), Assert.Single(events));
        Assert.Equal(QmpErrorClass.DeviceNotFound, m.Fail("device_del", """{"id": "e1"}""").ErrorClass);
    }

    [Fact]
    public void HotpluggedDeviceTakesPropertiesFromJsonValues()
    {
        using var m = new QmpCommandMachine([.. Virt, "-device", "pcie-root-port,id=rp1,chassis=1"]);
        m.Run("device_add", """{"driver": "edu", "id": "e3", "bus": "rp1", "dma_mask": 4095, "multifunction": true}""");
        Assert.Equal(JsonBool.True, m.Run("qom-get", """{"path": "/machine/peripheral/e3", "property": "multifunction"}"""));
        Assert.Equal(new JsonString("/machine/peripheral/rp1/rp1"), m.Run("qom-get", """{"path": "/machine/peripheral/e3", "property": "parent_bus"}"""));
        Assert.Equal(JsonBool.True, m.Run("qom-get", """{"path": "/machine/peripheral/e3", "property": "hotplugged"}"""));
        Assert.Equal(JsonBool.False, m.Run("qom-get", """{"path": "/machine/peripheral/rp1", "property": "hotplugged"}"""));
    }

    [Fact]
    public void OtherDeviceAddErrorsAreQemus()
    {
        // Recorded from qemu-system-arm 7.2 -M virt,highmem=off -nodefaults -device pcie-root-port,id=rp1,chassis=1.
        using var m = new QmpCommandMachine([.. Virt, "-device", "pcie-root-port,id=rp1,chassis=1"]);
        Assert.Equal("Bus 'nosuch' not found", m.Fail("device_add", """{"driver": "edu", "id": "e3", "bus": "nosuch"}""").Message);
        Assert.Equal("Parameter 'driver' expects a pluggable device type", m.Fail("device_add", """{"driver": "pl011", "id": "e4"}""").Message);
        Assert.Equal("Property 'edu.nosuchprop' not found", m.Fail("device_add", """{"driver": "edu", "bus": "rp1", "nosuchprop": 1}""").Message);
        Assert.Equal("Bus 'pcie.0' does not support hotplugging", m.Fail("device_del", """{"id": "rp1"}""").Message);
    }
}
