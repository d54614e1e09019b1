using Nemu.Qdev.Tests.TestDevices;

namespace Nemu.Qdev.Tests;

/// <summary>`info qtree` layout (qdev-monitor.c qbus_print/qdev_print, sysbus_dev_print), compared with QEMU 7.2 output.</summary>
public sealed class QtreePrinterTests
{
    [Fact]
    public void QtreeMatchesQemuLayout()
    {
        var tree = new QdevTree(TestDeviceTypes.CreateRegistry());
        tree.AddGlobal(new GlobalProperty("cmsdk-apb-uart", "pclk-frq", "25000000"));
        var controller = tree.Create<TestI2cController>("test-i2c");
        tree.AddDevice([new("driver", "test-sensor"), new("id", "s0")]);
        tree.Create("cmsdk-apb-uart");
        var uart0 = tree.Create<TestUart>("cmsdk-apb-uart");
        uart0.SetProperty("chardev", "serial0");
        uart0.RecordMapping(0x40004000);

        // The first block is verbatim from `info qtree` on qemu-system-arm 7.2 -M mps2-an385.
        const string expected = """
            bus: main-system-bus
              type System
              dev: cmsdk-apb-uart, id ""
                gpio-out "sysbus-irq" 5
                chardev = "serial0"
                pclk-frq = 25000000 (0x17d7840)
                mmio 0000000040004000/0000000000001000
              dev: cmsdk-apb-uart, id ""
                gpio-out "sysbus-irq" 5
                chardev = ""
                pclk-frq = 25000000 (0x17d7840)
                mmio ffffffffffffffff/0000000000001000
              dev: test-i2c, id ""
                gpio-in "scl" 2
                bus: i2c
                  type i2c-bus
                  dev: test-sensor, id "s0"
                    address = 72 (0x48)

            """;
        Assert.Equal(expected.ReplaceLineEndings("\n"), tree.PrintQtree());
        Assert.Same(controller.Bus, tree.FindById("s0")!.ParentBus);
    }

    [Fact]
    public void GpioListsPrintNewestNameFirstWithInputsBeforeOutputs()
    {
        var tree = new QdevTree(DeviceTypeRegistry.Create(r => r.Register(GpioDevice.TypeInfo)));
        var device = tree.Create("gpio-dev");
        Assert.Equal(
            "dev: gpio-dev, id \"\"\n  gpio-out \"SYSRESETREQ\" 1\n  gpio-in \"\" 32\n  gpio-out \"\" 1\n  gpio-in \"NMI\" 1\n",
            QtreePrinter.Print(device));
    }

    private sealed class GpioDevice : Device
    {
        public static readonly DeviceType TypeInfo = DeviceType.Define("gpio-dev", () => new GpioDevice()).Build();

        public GpioDevice()
        {
            InitGpioIn("NMI", 1, (_, _) => { });
            InitGpioIn(null, 32, (_, _) => { });
            InitGpioOut(null, 1);
            InitGpioOut("SYSRESETREQ", 1);
        }
    }
}
