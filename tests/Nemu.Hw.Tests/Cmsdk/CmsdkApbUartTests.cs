using Nemu.Core.Logging;
using Nemu.Hw.Cmsdk;
using Nemu.Hw.Tests.Misc;
using static Nemu.Hw.Tests.Misc.TestMachine;

namespace Nemu.Hw.Tests.Cmsdk;

/// <summary>mprofile.md §6.5: the CMSDK APB UART as QEMU 7.2 models it.</summary>
public sealed class CmsdkApbUartTests
{
    private readonly TestMachine _machine = new();
    private readonly CapturingChardev _serial = new("serial0");
    private readonly CmsdkApbUart _uart;

    public CmsdkApbUartTests()
    {
        _machine.AddChardev(_serial);
        _uart = _machine.Create<CmsdkApbUart>("cmsdk-apb-uart", ("pclk-frq", "25000000"), ("chardev", "serial0"));
    }

    [Fact]
    public void DataWriteWithTxEnabledSendsAtOnceAndRaisesTxInterruptOnTxFullFalling()
    {
        Write(_uart, 0x08, CmsdkApbUart.CtrlTxEn | CmsdkApbUart.CtrlTxIntEn);
        Write(_uart, 0x00, 'A');
        Assert.Equal("A"u8.ToArray(), _serial.Output);
        Assert.Equal(0u, Read(_uart, 0x04) & CmsdkApbUart.StateTxFull);
        Assert.Equal(CmsdkApbUart.IntTx, Read(_uart, 0x0c));
        Assert.True(_uart.GetIrq(0).Level);
        Assert.True(_uart.GetIrq(4).Level);
        Assert.False(_uart.GetIrq(1).Level);
    }

    [Fact]
    public void TxInterruptIsAnEdgeNotALevelEmptyAndIsWriteOneToClear()
    {
        Write(_uart, 0x08, CmsdkApbUart.CtrlTxEn | CmsdkApbUart.CtrlTxIntEn);
        Assert.Equal(0u, Read(_uart, 0x0c));
        Write(_uart, 0x00, 'x');
        Write(_uart, 0x0c, CmsdkApbUart.IntTx);
        Assert.Equal(0u, Read(_uart, 0x0c));
        Assert.False(_uart.GetIrq(4).Level);
    }

    [Fact]
    public void CharacterWrittenWithTxDisabledStaysInTheBufferAndASecondWriteOverruns()
    {
        Write(_uart, 0x00, 'a');
        Assert.Empty(_serial.Output);
        Assert.Equal(CmsdkApbUart.StateTxFull, Read(_uart, 0x04));
        Write(_uart, 0x08, CmsdkApbUart.CtrlTxEn | (1 << 4));
        Assert.Empty(_serial.Output);
        Write(_uart, 0x00, 'b');
        Assert.Equal(CmsdkApbUart.StateTxFull | CmsdkApbUart.StateTxOverrun, Read(_uart, 0x04));
        Assert.Equal(CmsdkApbUart.IntTxo, Read(_uart, 0x0c));
        Assert.True(_uart.GetIrq(2).Level);

        // Clearing TXO in INTSTATUS clears the STATE overrun bit too.
        Write(_uart, 0x0c, CmsdkApbUart.IntTxo);
        Assert.Equal(CmsdkApbUart.StateTxFull, Read(_uart, 0x04));
        Assert.False(_uart.GetIrq(2).Level);
    }

    [Fact]
    public void OverrunInterruptStatusFollowsTheEnableBitLive()
    {
        Write(_uart, 0x00, 'a');
        Write(_uart, 0x00, 'b');
        Assert.Equal(0u, Read(_uart, 0x0c));
        Write(_uart, 0x08, 1 << 4);
        Assert.Equal(CmsdkApbUart.IntTxo, Read(_uart, 0x0c));
        Write(_uart, 0x08, 0);
        Assert.Equal(0u, Read(_uart, 0x0c));
        Write(_uart, 0x04, CmsdkApbUart.StateTxOverrun);
        Assert.Equal(CmsdkApbUart.StateTxFull, Read(_uart, 0x04));
    }

    [Fact]
    public void InputWaitsInTheBackendUntilRxIsEnabledAndTheBufferIsRead()
    {
        _serial.Type((byte)'1', (byte)'2');
        Assert.Equal(0u, Read(_uart, 0x04) & CmsdkApbUart.StateRxFull);

        Write(_uart, 0x08, CmsdkApbUart.CtrlRxEn | CmsdkApbUart.CtrlRxIntEn);
        Assert.Equal(CmsdkApbUart.StateRxFull, Read(_uart, 0x04));
        Assert.Equal(CmsdkApbUart.IntRx, Read(_uart, 0x0c));
        Assert.True(_uart.GetIrq(1).Level);

        Assert.Equal((uint)'1', Read(_uart, 0x00));

        // Reading DATA frees the buffer; the next byte arrives, with no overrun.
        Assert.Equal(CmsdkApbUart.StateRxFull, Read(_uart, 0x04));
        Assert.Equal((uint)'2', Read(_uart, 0x00));
        Assert.Equal(0u, Read(_uart, 0x04));

        // DATA reads do not clear INTSTATUS.RX.
        Assert.Equal(CmsdkApbUart.IntRx, Read(_uart, 0x0c));
    }

    [Fact]
    public void CtrlKeepsSevenBitsAndBaudDivTwenty()
    {
        Write(_uart, 0x08, 0xffffffff);
        Write(_uart, 0x10, 0xffffffff);
        Assert.Equal(0x7fu, Read(_uart, 0x08));
        Assert.Equal(0xfffffu, Read(_uart, 0x10));
    }

    [Fact]
    public void IdRegistersReadCmsdkUartValues()
    {
        uint[] expected = [0x04, 0, 0, 0, 0x21, 0xb8, 0x1b, 0, 0x0d, 0xf0, 0x05, 0xb1];
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], Read(_uart, 0xfd0 + (ulong)(i * 4)));
        }
    }

    [Fact]
    public void GuestErrorsUseQemuWording()
    {
        using var log = Log.Capture(LogItem.GuestErrors);
        Read(_uart, 0x14);
        Write(_uart, 0x14, 1);
        Write(_uart, 0xfe0, 1);
        Write(_uart, 0x08, CmsdkApbUart.CtrlTxEn);
        Assert.Equal(
            [
                "CMSDK APB UART read: bad offset 14",
                "CMSDK APB UART write: bad offset 0x14",
                "CMSDK APB UART write: write to RO offset 0xfe0",
                "CMSDK APB UART: Tx enabled with invalid baudrate",
            ],
            log.Lines);
    }

    [Fact]
    public void RealizeWithoutPclkFrqFailsWithQemuMessage()
    {
        var uart = _machine.Tree.Create("cmsdk-apb-uart");
        var ex = Assert.Throws<Nemu.Qdev.QdevException>(uart.Realize);
        Assert.Equal("CMSDK APB UART: pclk-frq property must be set", ex.Message);
    }

    [Fact]
    public void IrqOutputsAreTxRxTxOvrRxOvrCombinedInThatOrder()
    {
        Assert.Equal(5, _uart.IrqCount);
        Assert.Equal("uart", _uart.Mmio[0].Name);
    }
}
