using Nemu.Core;
using Nemu.Core.Irq;
using Nemu.Qdev.Tests.TestDevices;

namespace Nemu.Qdev.Tests;

/// <summary>SysBusDevice IRQ wiring, MMIO bookkeeping, and register values living in the migratable state.</summary>
public sealed class SysBusDeviceTests
{
    private readonly QdevTree _tree = new(TestDeviceTypes.CreateRegistry());

    [Fact]
    public void IrqOutputsAreTheSysbusIrqGpioList()
    {
        var uart = _tree.Create<TestUart>("cmsdk-apb-uart");
        var levels = new List<bool>();
        var sink = new IrqLine("nvic[8]", levels.Add);
        uart.ConnectIrq(2, sink);
        uart.GetIrq(2).Raise();
        uart.GetGpioOut(SysBusDevice.IrqGpioName, 2).Lower();
        Assert.Equal([true, false], levels);
        Assert.Equal(5, uart.IrqCount);
        uart.ConnectIrq(2, null);
        uart.GetIrq(2).Raise();
        Assert.Equal(2, levels.Count);
    }

    [Fact]
    public void GpioInputsDeliverLineIndexAndLevelToTheDevice()
    {
        var controller = _tree.Create<TestI2cController>("test-i2c");
        var source = _tree.Create<TestUart>("cmsdk-apb-uart");
        source.ConnectIrq(0, controller.GetGpioIn("scl", 1));
        source.GetIrq(0).Raise();
        Assert.True(controller.GetGpioIn("scl", 1).Level);
        Assert.Throws<ArgumentOutOfRangeException>(() => controller.GetGpioIn("scl", 2));
    }

    [Fact]
    public void MmioIsUnmappedUntilTheBoardMapsIt()
    {
        var uart = _tree.Create<TestUart>("cmsdk-apb-uart");
        Assert.Null(uart.MmioAddress(0));
        uart.RecordMapping(0x40004000);
        Assert.Equal(new GuestAddress(0x40004000), uart.MmioAddress(0));
        Assert.Equal((UInt128)0x1000, uart.Mmio[0].Size);
    }

    [Fact]
    public void GuestRegisterWritesAreCoveredByTheStateDescription()
    {
        var uart = _tree.Create<TestUart>("cmsdk-apb-uart");
        uart.SetProperty("pclk-frq", "1");
        uart.Realize();
        uart.Reset();
        uart.Ops.Write(0x08, 0x3, 4, MemTxAttrs.UnspecifiedAttrs);
        uart.Ops.Write(0x10, 0x10, 4, MemTxAttrs.UnspecifiedAttrs);
        uart.Ops.Write(0x00, 0x41, 4, MemTxAttrs.UnspecifiedAttrs);
        Assert.Equal(
            [0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0x10, 0x41, 0],
            uart.VmState!.Save());
        Assert.Equal(
            "{\"vmsd_name\":\"cmsdk-apb-uart\",\"version\":1,\"fields\":[{\"name\":\"state\",\"type\":\"uint32\",\"size\":4},{\"name\":\"ctrl\",\"type\":\"uint32\",\"size\":4},{\"name\":\"intstatus\",\"type\":\"uint32\",\"size\":4},{\"name\":\"bauddiv\",\"type\":\"uint32\",\"size\":4},{\"name\":\"txbuf\",\"type\":\"uint8\",\"size\":1},{\"name\":\"rxbuf\",\"type\":\"uint8\",\"size\":1}]}",
            uart.VmState.Description.DescribeJson());
    }
}
