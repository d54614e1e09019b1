using Nemu.Qdev.Tests.TestDevices;

namespace Nemu.Qdev.Tests;

/// <summary>`-device help` and `-device TYPE,help` (qdev-monitor.c), compared with QEMU 7.2 output.</summary>
public sealed class DeviceHelpTests
{
    private readonly DeviceTypeRegistry _registry = TestDeviceTypes.CreateRegistry();

    [Fact]
    public void DeviceListGroupsUserCreatableTypesByCategory()
    {
        // QEMU prefixes every category header but the first enum entry (Bridge) with a blank line.
        const string expected = "\nMisc devices:\n" +
            "name \"loader\", desc \"Generic Loader\"\n" +
            "name \"test-sensor\", bus i2c-bus\n" +
            "\nUncategorized devices:\n" +
            "name \"test-props\"\n";
        Assert.Equal(expected, _registry.DeviceListHelp());
    }

    [Fact]
    public void DeviceListWithNoUserShowsSysbusTypes()
    {
        var text = _registry.DeviceListHelp(showNoUser: true);
        Assert.Contains("name \"cmsdk-apb-uart\", bus System, no-user\n", text);
        Assert.DoesNotContain("sys-bus-device", text);
    }

    [Fact]
    public void TypesSortCaseInsensitivelyAndShowAlias()
    {
        var registry = DeviceTypeRegistry.Create(r =>
        {
            r.Register(DeviceType.Define("VGA", () => new Plain()).Category(DeviceCategories.Display).UserCreatable().Bus("PCI").Build());
            r.Register(DeviceType.Define("virtio-gpu-pci", () => new Plain()).Category(DeviceCategories.Display).UserCreatable().Bus("PCI").Alias("virtio-gpu").Build());
            r.Register(DeviceType.Define("secondary-vga", () => new Plain()).Category(DeviceCategories.Display).UserCreatable().Bus("PCI").Build());
            r.Register(DeviceType.Define("pci-bridge", () => new Plain()).Category(DeviceCategories.Bridge).UserCreatable().Bus("PCI").Description("Standard PCI Bridge").Build());
        });
        Assert.Equal(
            "Controller/Bridge/Hub devices:\nname \"pci-bridge\", bus PCI, desc \"Standard PCI Bridge\"\n\n" +
            "Display devices:\nname \"secondary-vga\", bus PCI\nname \"VGA\", bus PCI\nname \"virtio-gpu-pci\", bus PCI, alias \"virtio-gpu\"\n",
            registry.DeviceListHelp());
        Assert.Equal("virtio-gpu-pci", registry.Find("virtio-gpu")!.Name);
    }

    [Fact]
    public void SysbusTypeHelpMatchesQemu()
    {
        // Verbatim `qemu-system-arm -M mps2-an385 -device cmsdk-apb-uart,help` (7.2).
        const string expected = """
            cmsdk-apb-uart options:
              chardev=<str>          - ID of a chardev to use as a backend
              pclk-frq=<uint32>      -  (default: 0)
              sysbus-irq[0]=<link<irq>>
              sysbus-irq[1]=<link<irq>>
              sysbus-irq[2]=<link<irq>>
              sysbus-irq[3]=<link<irq>>
              sysbus-irq[4]=<link<irq>>
              uart[0]=<child<memory-region>>

            """;
        Assert.Equal(expected.ReplaceLineEndings("\n"), _registry.DeviceTypeHelp("cmsdk-apb-uart"));
    }

    [Fact]
    public void LoaderTypeHelpMatchesQemu()
    {
        // Verbatim `qemu-system-arm -M mps2-an385 -device loader,help` (7.2).
        const string expected = """
            loader options:
              addr=<uint64>          -  (default: 0)
              cpu-num=<uint32>       -  (default: 4294967295)
              data-be=<bool>         -  (default: false)
              data-len=<uint8>       -  (default: 0)
              data=<uint64>          -  (default: 0)
              file=<str>
              force-raw=<bool>       -  (default: false)

            """;
        Assert.Equal(expected.ReplaceLineEndings("\n"), _registry.DeviceTypeHelp("loader"));
    }

    [Fact]
    public void HelpLinePadsToColumn24AndAppendsDescriptionAndDefault()
    {
        var text = _registry.DeviceTypeHelp("test-props");
        Assert.Contains("  port=<uint16>          - TCP port (default: 0)\n", text);
        Assert.Contains("  memory=<link<memory-region>>\n", text);
        Assert.Contains("  name=<str>\n", text);
        Assert.Contains("  offset=<int32>         -  (default: -1)\n", text);
        Assert.Contains("  size=<size>            -  (default: 16777216)\n", text);
    }

    [Fact]
    public void TypeWithoutOptionsSaysSo()
    {
        Assert.Equal("There are no options for test-i2c.\n", _registry.DeviceTypeHelp("test-i2c"));
    }

    [Fact]
    public void HelpForUnknownTypeIsAnError()
    {
        Assert.Equal("'nosuch' is not a valid device model name", Assert.Throws<QdevException>(() => _registry.DeviceTypeHelp("nosuch")).Message);
    }

    private sealed class Plain : Device
    {
    }
}
