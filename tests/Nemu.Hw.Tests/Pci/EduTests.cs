using System.Numerics;
using Nemu.Core.Logging;
using Nemu.Hw.Pci;
using Nemu.Memory;
using Nemu.Pci;
using Nemu.Qdev;

namespace Nemu.Hw.Tests.Pci;

/// <summary>edu registers as QEMU 7.2 hw/misc/edu.c and the recording notes/issue6-ref/qtest-main.txt.</summary>
public sealed class EduTests
{
    private readonly PciTestbed _bed = new();
    private readonly Edu _edu;
    private readonly AddressSpace _bar;

    public EduTests()
    {
        _edu = _bed.Create<Edu>(Edu.TypeName);
        _bar = _bed.Map(_edu.Mmio);
    }

    [Fact]
    public void IdentificationRegisterReadsQemuValue() => Assert.Equal(0x010000edUL, Read(0x00));

    [Fact]
    public void RegistersReadZeroAfterCreationAsRecorded()
    {
        foreach (var offset in new ulong[] { 0x04, 0x08, 0x20, 0x24, 0x80, 0x88, 0x90, 0x98 })
        {
            Assert.Equal(0UL, Read(offset));
        }
    }

    [Fact]
    public void LivenessRegisterReadsTheComplementOfTheLastWrite()
    {
        Write(0x04, 0x12345678);
        Assert.Equal(0xedcba987UL, Read(0x04));
    }

    [Fact]
    public void ByteAndUnalignedAccessesAreRefusedAndReadZeroAsRecorded()
    {
        Assert.Equal(0UL, PciTestbed.Read(_bar, 0x00, 1));
        Assert.Equal(0UL, PciTestbed.Read(_bar, 0x02, 4));
        Assert.Equal(0UL, PciTestbed.Read(_bar, 0x00, 2));

        PciTestbed.Write(_bar, 0x04, 0xff, 1);
        PciTestbed.Write(_bar, 0x06, 0xffff, 4);
        Assert.Equal(0UL, Read(0x04));
    }

    [Fact]
    public void EightByteAccessBelowTheDmaRegistersReadsAllOnesAndWritesNothing()
    {
        Assert.Equal(ulong.MaxValue, PciTestbed.Read(_bar, 0x00, 8));

        PciTestbed.Write(_bar, 0x00, 0x1234_5678_0000_0000, 8);
        PciTestbed.Write(_bar, 0x08, 5, 8);
        Assert.Equal(0UL, Read(0x04));
        Assert.Equal(0UL, Read(0x08));
    }

    [Fact]
    public void UnknownOffsetsReadAllOnes()
    {
        Assert.Equal(0xffffffffUL, Read(0x100));
        Assert.Equal(0xffffffffUL, Read(0x84));
        Assert.Equal(ulong.MaxValue, PciTestbed.Read(_bar, 0xa0, 8));
    }

    [Fact]
    public void FactorialCompletesWithinTheWrite()
    {
        Write(0x08, 5);
        Assert.Equal(120UL, Read(0x08));
        Assert.Equal(0UL, Read(0x20) & Edu.StatusComputing);
    }

    [Fact]
    public void FactorialWrapsAsQemusThirtyTwoBitProduct()
    {
        for (var n = 0u; n <= 40; n++)
        {
            var exact = Enumerable.Range(1, (int)n).Aggregate(BigInteger.One, (p, k) => p * k);
            Assert.Equal((uint)(exact % (BigInteger.One << 32)), Edu.Factorial(n));
        }

        Write(0x08, 0xffffffff);
        Assert.Equal(0UL, Read(0x08));
    }

    [Fact]
    public void FactorialRaisesInterruptOneWhenStatusBitSevenIsSet()
    {
        Write(0x08, 3);
        Assert.Equal(0UL, Read(0x24));

        Write(0x20, Edu.StatusIrqFact);
        Write(0x08, 3);

        Assert.Equal(6UL, Read(0x08));
        Assert.Equal(Edu.FactIrq, (uint)Read(0x24));
    }

    [Fact]
    public void StatusWriteChangesOnlyTheInterruptEnableBit()
    {
        Write(0x20, 0xffffffff);
        Assert.Equal(0x80UL, Read(0x20));
        Write(0x20, 0x7f);
        Assert.Equal(0UL, Read(0x20));
    }

    [Fact]
    public void RaiseSetsAndAckClearsInterruptStatusBits()
    {
        Write(0x60, 0x1);
        Write(0x60, 0x8000_0100);
        Assert.Equal(0x8000_0101UL, Read(0x24));

        Write(0x64, 0x8000_0001);
        Assert.Equal(0x100UL, Read(0x24));
    }

    [Fact]
    public void DmaRegistersTakeFourAndEightByteAccesses()
    {
        PciTestbed.Write(_bar, 0x80, 0x0000_0001_2345_6789, 8);
        Assert.Equal(0x0000_0001_2345_6789UL, PciTestbed.Read(_bar, 0x80, 8));
        Assert.Equal(0x2345_6789UL, Read(0x80));

        // A 4-byte write sets the whole register (QEMU stores the access value).
        Write(0x80, 0x40000);
        Assert.Equal(0x40000UL, PciTestbed.Read(_bar, 0x80, 8));
    }

    [Fact]
    public void DmaCommandWithoutTheRunBitIsIgnored()
    {
        Write(0x98, Edu.DmaCmdIrq | Edu.DmaCmdToPci);
        Assert.Equal(0UL, Read(0x98));
        Assert.False(_bed.Time.StepToNextDeadline());
    }

    [Fact]
    public void DmaRegistersIgnoreWritesWhileACommandRuns()
    {
        StartDma(src: 0x40000, dst: 0x1000, count: 8, Edu.DmaCmdToPci);

        Write(0x80, 0x40100);
        Write(0x88, 0x2000);
        Write(0x90, 16);
        Write(0x98, Edu.DmaCmdRun);

        Assert.Equal((0x40000UL, 0x1000UL, 8UL, Edu.DmaCmdRun | Edu.DmaCmdToPci), (Read(0x80), Read(0x88), Read(0x90), Read(0x98)));
    }

    [Fact]
    public void DmaCompletesOneHundredMillisecondsOfVirtualTimeLater()
    {
        StartDma(src: 0x1000, dst: 0x40000, count: 16, Edu.DmaCmdIrq);

        _bed.Time.Step(99_999_999);
        Assert.Equal(Edu.DmaCmdRun | Edu.DmaCmdIrq, Read(0x98));
        Assert.Equal(0UL, Read(0x24));

        _bed.Time.Step(1);
        Assert.Equal(Edu.DmaCmdIrq, Read(0x98));
        Assert.Equal(Edu.DmaIrq, (uint)Read(0x24));
    }

    [Fact]
    public void DmaDeadlineIsWholeMillisecondsAsQemusMillisecondTimer()
    {
        _bed.Time.Step(1_500_000);
        StartDma(src: 0x1000, dst: 0x40000, count: 16, 0);

        Assert.True(_bed.Time.StepToNextDeadline());
        Assert.Equal(101_000_000, _bed.Time.NowNs);
        Assert.Equal(0UL, Read(0x98) & Edu.DmaCmdRun);
    }

    [Fact]
    public void DmaOutsideTheBufferWindowIsLoggedAndSkipped()
    {
        using var log = Log.Capture(LogItem.GuestErrors);
        _edu.State.DmaBuffer.AsSpan().Fill(0x5a);
        StartDma(src: 0x1000, dst: 0x40ff0, count: 0x20, Edu.DmaCmdIrq);

        _bed.Time.Step(100_000_000);

        Assert.Equal(
            ["EDU: DMA range 0x0000000000040ff0-0x000000000004100f out of bounds (0x0000000000040000-0x0000000000040fff)!"],
            log.Lines);
        Assert.All(_edu.State.DmaBuffer, b => Assert.Equal(0x5a, b));
        Assert.Equal(Edu.DmaCmdIrq, Read(0x98));
        Assert.Equal(Edu.DmaIrq, (uint)Read(0x24));
    }

    [Fact]
    public void DmaCountThatWrapsTheAddressIsOutOfBounds()
    {
        using var log = Log.Capture(LogItem.GuestErrors);
        StartDma(src: 0x40000, dst: 0x1000, count: ulong.MaxValue, Edu.DmaCmdToPci);

        _bed.Time.Step(100_000_000);

        Assert.Single(log.Lines);
        Assert.Equal(0UL, Read(0x98) & Edu.DmaCmdRun);
    }

    [Fact]
    public void DmaToAnUnreachableGuestAddressIsDropped()
    {
        _edu.State.DmaBuffer[0] = 0x77;
        StartDma(src: 0xdead0000, dst: 0x40000, count: 4, 0);

        _bed.Time.Step(100_000_000);

        Assert.Equal(0x77, _edu.State.DmaBuffer[0]);
        Assert.Equal(0UL, Read(0x98));
    }

    [Fact]
    public void DmaAddressesAreClampedToTheDmaMask()
    {
        using var log = Log.Capture(LogItem.GuestErrors);
        StartDma(src: 0x4000_1000, dst: 0x40000, count: 4, 0);

        _bed.Time.Step(100_000_000);

        Assert.Equal(["EDU: clamping DMA 0x0000000040001000 to 0x0000000000001000!"], log.Lines);
    }

    [Fact]
    public void SavedStateKeepsAPendingDmaTimer()
    {
        // The state carries the PCI function, so both sides are realized functions (same capabilities).
        _edu.Realize();
        StartDma(src: 0x1000, dst: 0x40000, count: 16, Edu.DmaCmdIrq);
        _edu.State.DmaBuffer[7] = 0x42;
        var saved = _edu.VmState!.Save();

        var other = new PciTestbed();
        var copy = other.Create<Edu>(Edu.TypeName);
        copy.Realize();
        copy.VmState!.Load(saved, Edu.Vmsd.VersionId);

        Assert.Equal(0x42, copy.State.DmaBuffer[7]);
        Assert.True(other.Time.StepToNextDeadline());
        Assert.Equal(100_000_000, other.Time.NowNs);
        Assert.Equal(Edu.DmaIrq, copy.State.IrqStatus);
    }

    [Fact]
    public void ResetClearsRegistersAndCancelsDma()
    {
        Write(0x04, 1);
        StartDma(src: 0x1000, dst: 0x40000, count: 16, 0);

        _edu.Reset();

        Assert.Equal(0UL, Read(0x04));
        Assert.Equal(0UL, Read(0x98));
        Assert.False(_bed.Time.StepToNextDeadline());
    }

    [Fact]
    public void RealizeRegistersBarZeroAsOneMebibyteOfThirtyTwoBitMemory()
    {
        _edu.Realize();

        var bar = Assert.IsType<PciBar>(_edu.Bars[0]);
        Assert.Equal((1UL << 20, PciBarType.Memory32, "edu-mmio"), (bar.Size, bar.Type, bar.Region.Name));
        Assert.Null(_edu.Bars[1]);
    }

    [Fact]
    public void StaticHeaderBytesMatchTheRecording()
    {
        _edu.Realize();
        foreach (var offset in new[] { 0x00, 0x08, 0x0c, 0x10, 0x14, 0x2c, 0x30, 0x38, 0x3c })
        {
            Assert.Equal(QemuRecording.EduHeader[offset / 4], _edu.ConfigRead(offset, 4));
        }
    }

    [Fact]
    public void MsiVectorsMustBeAPowerOfTwoUpToThirtyTwo()
    {
        var bed = new PciTestbed();
        var error = Assert.Throws<QdevException>(() => bed.Create<Edu>(Edu.TypeName, ("msi-vectors", "3")).Realize());
        Assert.Equal("edu: msi-vectors must be a power of two from 1 to 32, not 3", error.Message);
        Assert.Throws<QdevException>(() => bed.Create<Edu>(Edu.TypeName, ("msi-vectors", "64")).Realize());
        Assert.Throws<QdevException>(() => bed.Create<Edu>(Edu.TypeName, ("msix-vectors", "2049")).Realize());
    }

    [Fact]
    public void HelpListsQemusPropertiesAndNemusExtensions()
    {
        var help = DeviceHelp.DescribeType(_bed.Tree.Registry, Edu.TypeName);

        Assert.Contains("  dma_mask=<uint64>\n", help.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("  msi-vectors=<uint32>", help, StringComparison.Ordinal);
        Assert.Contains("  msix-vectors=<uint32>", help, StringComparison.Ordinal);
    }

    [Fact]
    public void QtreeDoesNotPrintTheObjectProperties()
    {
        Assert.Null(_edu.PrintProperty("dma_mask"));
        Assert.Null(_edu.PrintProperty("msi-vectors"));
        Assert.Null(_edu.PrintProperty("msix-vectors"));
        Assert.Equal(Edu.DefaultDmaMask, _edu.DmaMask);
    }

    private void StartDma(ulong src, ulong dst, ulong count, ulong flags)
    {
        PciTestbed.Write(_bar, 0x80, src, 8);
        PciTestbed.Write(_bar, 0x88, dst, 8);
        PciTestbed.Write(_bar, 0x90, count, 8);
        PciTestbed.Write(_bar, 0x98, Edu.DmaCmdRun | flags, 8);
    }

    private ulong Read(ulong offset) => PciTestbed.Read(_bar, offset, 4);

    private void Write(ulong offset, ulong value) => PciTestbed.Write(_bar, offset, value, 4);
}
