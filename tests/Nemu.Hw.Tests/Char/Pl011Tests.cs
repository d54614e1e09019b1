using Nemu.Chardevs;
using Nemu.Core.Logging;
using Nemu.Core.State;
using Nemu.Hw.Char;
using Nemu.Hw.Tests.Misc;
using static Nemu.Hw.Tests.Misc.TestMachine;

namespace Nemu.Hw.Tests.Char;

/// <summary>The PL011 UART as QEMU 7.2's hw/char/pl011.c models it.</summary>
public sealed class Pl011Tests
{
    private const ulong Dr = 0x00, Rsr = 0x04, Fr = 0x18, Ilpr = 0x20, Ibrd = 0x24, Fbrd = 0x28, LcrH = 0x2c, Cr = 0x30;
    private const ulong Ifls = 0x34, Imsc = 0x38, Ris = 0x3c, Mis = 0x40, Icr = 0x44, DmaCr = 0x48;

    private readonly TestMachine _machine = new();
    private readonly CapturingChardev _serial = new("serial0");
    private readonly Pl011 _uart;

    public Pl011Tests()
    {
        _machine.AddChardev(_serial);
        _uart = _machine.Create<Pl011>("pl011", ("chardev", "serial0"), ("clk", "24000000"));
    }

    [Fact]
    public void ResetValuesAreQemuPowerOnValues()
    {
        Assert.Equal(Pl011.FlagTxfe | Pl011.FlagRxfe, Read(_uart, Fr));
        Assert.Equal(0x300u, Read(_uart, Cr));
        Assert.Equal(0x12u, Read(_uart, Ifls));
        Assert.Equal(0u, Read(_uart, Ris));
        Assert.Equal(0u, Read(_uart, LcrH));
        Assert.Equal(1, _uart.State.ReadTrigger);
    }

    [Fact]
    public void DataWriteGoesToTheChardevAndSetsTxInterruptAtOnce()
    {
        Write(_uart, Dr, 'H');
        Write(_uart, Dr, 0x169);
        Assert.Equal("Hi"u8.ToArray(), _serial.Output);
        Assert.Equal(Pl011.IntTx, Read(_uart, Ris));
        Assert.Equal(0u, Read(_uart, Mis));
        Assert.Equal(Pl011.FlagTxfe | Pl011.FlagRxfe, Read(_uart, Fr));
    }

    [Fact]
    public void TransmitAndReceiveIgnoreTheEnableBitsInCr()
    {
        Write(_uart, Cr, 0);
        Write(_uart, Dr, 'x');
        Assert.Equal("x"u8.ToArray(), _serial.Output);
        _serial.Type((byte)'y');
        Assert.Equal((uint)'y', Read(_uart, Dr));
    }

    [Fact]
    public void IrqOutputsAreCombinedRxTxRtMsEInQemuOrder()
    {
        Assert.Equal(6, _uart.IrqCount);
        Assert.Equal("pl011", _uart.Mmio[0].Name);
        Assert.Equal(0x1000UL, _uart.Mmio[0].Size);

        Write(_uart, Dr, 'x');
        Assert.False(_uart.GetIrq(0).Level);
        Write(_uart, Imsc, Pl011.IntTx);
        Assert.Equal(Pl011.IntTx, Read(_uart, Mis));
        bool[] expected = [true, false, true, false, false, false];
        Assert.Equal(expected, Enumerable.Range(0, 6).Select(i => _uart.GetIrq(i).Level));

        _serial.Type((byte)'y');
        Write(_uart, Imsc, Pl011.IntRx);
        expected = [true, true, false, false, false, false];
        Assert.Equal(expected, Enumerable.Range(0, 6).Select(i => _uart.GetIrq(i).Level));
    }

    [Fact]
    public void IcrClearsTheWrittenBitsAndLowersTheLine()
    {
        Write(_uart, Imsc, Pl011.IntTx);
        Write(_uart, Dr, 'x');
        Write(_uart, Icr, Pl011.IntRx);
        Assert.Equal(Pl011.IntTx, Read(_uart, Ris));
        Write(_uart, Icr, Pl011.IntTx);
        Assert.Equal(0u, Read(_uart, Ris));
        Assert.False(_uart.GetIrq(0).Level);
    }

    [Fact]
    public void WithoutFifoOneCharacterIsHeldAndTheRestWaitsInTheBackend()
    {
        _serial.Type((byte)'a', (byte)'b');
        Assert.Equal(Pl011.FlagTxfe | Pl011.FlagRxff, Read(_uart, Fr));
        Assert.Equal(0, _uart.CanReceive());
        Assert.Equal((uint)'a', Read(_uart, Dr));

        // The DR read accepted input again: 'b' arrived and fills the one-entry buffer.
        Assert.Equal(Pl011.FlagTxfe | Pl011.FlagRxff, Read(_uart, Fr));
        Assert.Equal((uint)'b', Read(_uart, Dr));
        Assert.Equal(Pl011.FlagTxfe | Pl011.FlagRxfe, Read(_uart, Fr));
    }

    [Fact]
    public void WithFifoSixteenCharactersAreHeldInOrder()
    {
        Write(_uart, LcrH, Pl011.LcrFen | 0x60);
        Assert.Equal(16, _uart.CanReceive());
        var input = Enumerable.Range(0, 20).Select(i => (byte)('A' + i)).ToArray();
        _serial.Type(input);
        Assert.Equal(16, _uart.State.ReadCount);
        Assert.Equal(Pl011.FlagTxfe | Pl011.FlagRxff, Read(_uart, Fr));

        Assert.Equal((uint)'A', Read(_uart, Dr));

        // The read made room and accepted input: the backend refilled the FIFO at once.
        Assert.Equal(Pl011.FlagTxfe | Pl011.FlagRxff, Read(_uart, Fr));
        var received = new List<byte> { (byte)'A' };
        while ((Read(_uart, Fr) & Pl011.FlagRxfe) == 0)
        {
            received.Add((byte)Read(_uart, Dr));
        }

        Assert.Equal(input, received);
    }

    [Fact]
    public void PartlyFilledFifoShowsNeitherEmptyNorFull()
    {
        Write(_uart, LcrH, Pl011.LcrFen);
        _serial.Type((byte)'1', (byte)'2');
        Assert.Equal(Pl011.FlagTxfe, Read(_uart, Fr));
        Assert.Equal(14, _uart.CanReceive());
    }

    [Fact]
    public void RxInterruptRisesWithTheFirstCharacterAndFallsWhenTheFifoEmpties()
    {
        Write(_uart, LcrH, Pl011.LcrFen);
        Write(_uart, Imsc, Pl011.IntRx);
        _serial.Type((byte)'1', (byte)'2', (byte)'3');
        Assert.Equal(Pl011.IntRx, Read(_uart, Mis));
        Assert.True(_uart.GetIrq(1).Level);
        Read(_uart, Dr);
        Read(_uart, Dr);
        Assert.Equal(Pl011.IntRx, Read(_uart, Ris));
        Read(_uart, Dr);
        Assert.Equal(0u, Read(_uart, Ris));
        Assert.False(_uart.GetIrq(1).Level);
    }

    [Fact]
    public void RxInterruptClearedByIcrStaysClearUntilTheFifoEmptiesAndRefills()
    {
        Write(_uart, LcrH, Pl011.LcrFen);
        _serial.Type((byte)'1', (byte)'2');
        Write(_uart, Icr, Pl011.IntRx);
        _serial.Type((byte)'3');
        Assert.Equal(0u, Read(_uart, Ris));

        Read(_uart, Dr);
        Read(_uart, Dr);
        Read(_uart, Dr);
        _serial.Type((byte)'4');
        Assert.Equal(Pl011.IntRx, Read(_uart, Ris));
    }

    [Fact]
    public void IflsIsStoredButTheTriggerLevelStaysOneAndNoTimeoutIsRaised()
    {
        Write(_uart, LcrH, Pl011.LcrFen);
        Write(_uart, Ifls, 0x24);
        Write(_uart, Imsc, 0x7ff);
        Assert.Equal(0x24u, Read(_uart, Ifls));
        _serial.Type((byte)'z');
        Assert.Equal(Pl011.IntRx, Read(_uart, Ris));
        Assert.False(_uart.GetIrq(3).Level);
        Assert.False(_uart.GetIrq(5).Level);
    }

    [Fact]
    public void BreakEventQueuesABreakWordWhoseErrorBitsLandInRsr()
    {
        _uart.OnEvent(ChardevEvent.Break);
        Assert.Equal(Pl011.DrBe, Read(_uart, Dr));
        Assert.Equal(Pl011.DrBe >> 8, Read(_uart, Rsr));
        Write(_uart, Rsr, 0);
        Assert.Equal(0u, Read(_uart, Rsr));
    }

    [Fact]
    public void TogglingFenEmptiesTheFifoButLeavesTheFlagsAsQemu72Does()
    {
        // Observed on QEMU 7.2.22 lm3s6965evb with a probe firmware: FR stays 0x80 after FEN 1 -> 0 with one
        // character queued (QEMU 8.0 sets RXFE there).
        Write(_uart, LcrH, Pl011.LcrFen);
        _serial.Type((byte)'1');
        Write(_uart, LcrH, 0);
        Assert.Equal(0, _uart.State.ReadCount);
        Assert.Equal(Pl011.FlagTxfe, Read(_uart, Fr));
    }

    [Fact]
    public void RegistersKeepTheWholeWrittenValue()
    {
        Write(_uart, Ilpr, 0xffffffff);
        Write(_uart, Ibrd, 0x12345678);
        Write(_uart, Fbrd, 0xffffffff);
        Write(_uart, Cr, 0xffffffff);
        Write(_uart, Imsc, 0xffffffff);
        Write(_uart, DmaCr, 0x4);
        Write(_uart, Fr, 0);
        Assert.Equal(0xffffffffu, Read(_uart, Ilpr));
        Assert.Equal(0x12345678u, Read(_uart, Ibrd));
        Assert.Equal(0xffffffffu, Read(_uart, Fbrd));
        Assert.Equal(0xffffffffu, Read(_uart, Cr));
        Assert.Equal(0xffffffffu, Read(_uart, Imsc));
        Assert.Equal(0x4u, Read(_uart, DmaCr));
        Assert.Equal(Pl011.FlagTxfe | Pl011.FlagRxfe, Read(_uart, Fr));
    }

    [Fact]
    public void BaudRateFollowsTheDivisorsAndTheClk()
    {
        Assert.Equal(0u, _uart.BaudRate);
        Write(_uart, Ibrd, 13);
        Write(_uart, Fbrd, 1);

        // 24 MHz / (16 * (13 + 1/64)) = 115246.
        Assert.Equal(24_000_000u / ((13u << 6) + 1) << 2, _uart.BaudRate);
    }

    [Theory]
    [InlineData("pl011", new uint[] { 0x11, 0x10, 0x14, 0x00, 0x0d, 0xf0, 0x05, 0xb1 })]
    [InlineData("pl011_luminary", new uint[] { 0x11, 0x00, 0x18, 0x01, 0x0d, 0xf0, 0x05, 0xb1 })]
    public void IdRegistersReadTheVariantsBytes(string type, uint[] expected)
    {
        var uart = _machine.Create<Pl011>(type);
        Assert.Equal(expected, Enumerable.Range(0, 8).Select(i => Read(uart, 0xfe0 + (ulong)(i * 4))));
    }

    [Fact]
    public void BadOffsetsAndDmaAreLoggedWithQemuWording()
    {
        using var log = Log.Capture(LogItem.GuestErrors | LogItem.Unimp);
        Assert.Equal(0u, Read(_uart, 0x08));
        Assert.Equal(0u, Read(_uart, Icr));
        Assert.Equal(0u, Read(_uart, 0xfdc));
        Write(_uart, Ris, 1);
        Write(_uart, 0xfe0, 1);
        Write(_uart, DmaCr, 3);
        Assert.Equal(
            [
                "pl011_read: Bad offset 0x8",
                "pl011_read: Bad offset 0x44",
                "pl011_read: Bad offset 0xfdc",
                "pl011_write: Bad offset 0x3c",
                "pl011_write: Bad offset 0xfe0",
                "pl011: DMA not implemented",
            ],
            log.Lines);
    }

    [Fact]
    public void StateRoundTripKeepsTheFifoAndSendsTheClockSubsection()
    {
        Write(_uart, LcrH, Pl011.LcrFen);
        Write(_uart, Imsc, Pl011.IntRx);
        _serial.Type((byte)'p', (byte)'q', (byte)'r');
        Read(_uart, Dr);
        var saved = _uart.VmState!.Save();

        var copy = new TestMachine().Create<Pl011>("pl011");
        copy.VmState!.Load(saved, 2);
        Assert.Equal((uint)'q', Read(copy, Dr));
        Assert.Equal((uint)'r', Read(copy, Dr));
        Assert.Equal(24_000_000UL, copy.Clk.Hz);

        var noClock = new TestMachine().Create<Pl011>("pl011", ("migrate-clk", "off"), ("clk", "24000000"));
        var withoutSubsection = noClock.VmState!.Save();
        Assert.True(saved.Length > withoutSubsection.Length);
        Assert.Contains("pl011/clock", System.Text.Encoding.ASCII.GetString(saved));
    }

    [Fact]
    public void LoadRefusesAReadPositionOutsideTheFifo()
    {
        var saved = _uart.VmState!.Save();
        var copy = new TestMachine().Create<Pl011>("pl011");
        copy.State.ReadPos = 0;

        // read_pos is the big-endian int32 after readbuff..read_fifo (8 + 16 words) and ilpr, ibrd, fbrd, ifl.
        saved[(8 + 16 + 4) * 4 + 3] = 16;
        Assert.Throws<StateLoadException>(() => copy.VmState!.Load(saved, 2));
    }

    [Fact]
    public void ResetEmptiesTheFifoAndLowersTheLines()
    {
        Write(_uart, Imsc, 0x7ff);
        _serial.Type((byte)'x');
        Assert.True(_uart.GetIrq(0).Level);
        _uart.Reset();
        Assert.False(_uart.GetIrq(0).Level);
        Assert.Equal(Pl011.FlagTxfe | Pl011.FlagRxfe, Read(_uart, Fr));
        Assert.Equal(0, _uart.State.ReadCount);
    }
}
