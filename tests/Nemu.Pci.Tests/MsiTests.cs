// pci.md §3 and §9 48-53: MSI capability layout, message encoding, per-vector masking, INTx and BME rules.
namespace Nemu.Pci.Tests;

public sealed class MsiTests
{
    private const uint Address = 0x0802_0040;

    [Fact]
    public void Edu64BitSingleVectorCapabilityReadsAsQemu()
    {
        // issue6-ref: edu's cap at 0x40 reads 0x00800005 (MSI, 64-bit, 1 vector, no masking, next 0).
        var rig = new MsiTestRig();
        Assert.Equal(0x40, Msi.Init(rig.Device, 0, 1, is64Bit: true, perVectorMask: false, out var error));
        Assert.Null(error);
        Assert.Equal(0x0080_0005u, rig.ConfigRead(0x40, 4));
        Assert.Equal(0x40, rig.Device.Config[PciConfig.CapabilityList]);
    }

    [Fact]
    public void InitWmaskCoversControlAddressDataAndOneMaskBitPerVector()
    {
        var rig = new MsiTestRig();
        var cap = Msi.Init(rig.Device, 0, 4, is64Bit: true, perVectorMask: true, out _);
        rig.ConfigWrite(cap + MsiRegisters.Flags, 0xffff, 2);
        rig.ConfigWrite(cap + MsiRegisters.AddressLo, 0xffff_ffff, 4);
        rig.ConfigWrite(cap + MsiRegisters.AddressHi, 0xffff_ffff, 4);
        rig.ConfigWrite(cap + MsiRegisters.Data64, 0xffff_ffff, 4);
        rig.ConfigWrite(cap + MsiRegisters.Mask64, 0xffff_ffff, 4);

        // MMC=2 (4 vectors) is read-only; MME written 7 is clamped to 2 because Enable was written too.
        Assert.Equal(0x0185u | 0x20u, rig.ConfigRead(cap + MsiRegisters.Flags, 2));
        Assert.Equal(0xffff_fffcu, rig.ConfigRead(cap + MsiRegisters.AddressLo, 4));
        Assert.Equal(0xffff_ffffu, rig.ConfigRead(cap + MsiRegisters.AddressHi, 4));
        Assert.Equal(0x0000_ffffu, rig.ConfigRead(cap + MsiRegisters.Data64, 4));
        Assert.Equal(0x0000_000fu, rig.ConfigRead(cap + MsiRegisters.Mask64, 4));
        Assert.Equal(MsiRegisters.Size64Masked, rig.Device.MsiState!.Size);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(64)]
    public void InitRejectsVectorCountsThatAreNotAPowerOfTwoUpTo32(int vectors)
    {
        var rig = new MsiTestRig();
        Assert.Equal(-1, Msi.Init(rig.Device, 0, vectors, false, false, out var error));
        Assert.Contains("power of two", error, StringComparison.Ordinal);
        Assert.Null(rig.Device.MsiState);
    }

    [Fact]
    public void B48_MultipleMessageDataCarriesTheVectorInItsLowBits()
    {
        var rig = new MsiTestRig();
        var cap = Msi.Init(rig.Device, 0, 4, is64Bit: true, perVectorMask: false, out _);
        Program(rig, cap, is64Bit: true, data: 0x1235, mme: 2);

        for (var v = 0; v < 4; v++)
        {
            Msi.Notify(rig.Device, v);
        }

        Assert.Equal(
            [new(Address, 0x1234, 4), new(Address, 0x1235, 4), new(Address, 0x1236, 4), new(Address, 0x1237, 4)],
            rig.Messages);
        Assert.Equal(new MsiMessage(Address, 0x1237), Msi.GetMessage(rig.Device, 3));
    }

    [Fact]
    public void SingleMessageDataIsSentUnchanged()
    {
        var rig = new MsiTestRig();
        var cap = Msi.Init(rig.Device, 0, 1, is64Bit: false, perVectorMask: false, out _);
        Program(rig, cap, is64Bit: false, data: 0x0053, mme: 0);
        Msi.Notify(rig.Device, 0);
        Assert.Equal([new SunkMessage(Address, 0x53, 4)], rig.Messages);
    }

    [Fact]
    public void B49_MmeLargerThanMmcWrittenWhileEnabledReadsBackClamped()
    {
        var rig = new MsiTestRig();
        var cap = Msi.Init(rig.Device, 0, 4, is64Bit: false, perVectorMask: false, out _);

        rig.ConfigWrite(cap + MsiRegisters.Flags, 0x0051, 2);

        Assert.Equal(0x0025u, rig.ConfigRead(cap + MsiRegisters.Flags, 2));
        Assert.Equal(4, Msi.AllocatedVectors(rig.Device));
    }

    [Fact]
    public void MmeLargerThanMmcWrittenWhileDisabledIsKeptAsQemuDoes()
    {
        var rig = new MsiTestRig();
        var cap = Msi.Init(rig.Device, 0, 1, is64Bit: false, perVectorMask: false, out _);
        rig.ConfigWrite(cap + MsiRegisters.Flags, 0x0050, 2);
        Assert.Equal(0x0050u, rig.ConfigRead(cap + MsiRegisters.Flags, 2));
    }

    [Fact]
    public void B50_MaskedVectorPendsAndItsUnmaskWriteDeliversItOnce()
    {
        var rig = new MsiTestRig();
        var cap = Msi.Init(rig.Device, 0, 2, is64Bit: true, perVectorMask: true, out _);
        rig.ConfigWrite(cap + MsiRegisters.Mask64, 0b10, 4);
        Program(rig, cap, is64Bit: true, data: 0x40, mme: 1);

        Msi.Notify(rig.Device, 1);
        Assert.Empty(rig.Messages);
        Assert.True(Msi.IsMasked(rig.Device, 1));
        Assert.Equal(0b10u, rig.ConfigRead(cap + MsiRegisters.Pending64, 4));

        rig.ConfigWrite(cap + MsiRegisters.Mask64, 0, 4);

        Assert.Equal([new SunkMessage(Address, 0x41, 4)], rig.Messages);
        Assert.Equal(0u, rig.ConfigRead(cap + MsiRegisters.Pending64, 4));
        rig.ConfigWrite(cap + MsiRegisters.Mask64, 0, 4);
        Assert.Single(rig.Messages);
    }

    [Fact]
    public void DeviceSideUnmaskDeliversThePendingVector()
    {
        var rig = new MsiTestRig();
        var cap = Msi.Init(rig.Device, 0, 1, is64Bit: false, perVectorMask: true, out _);
        Program(rig, cap, is64Bit: false, data: 0x7, mme: 0);
        Assert.True(Msi.SetMask(rig.Device, 0, true, out _));
        Msi.Notify(rig.Device, 0);
        Assert.Empty(rig.Messages);

        Assert.True(Msi.SetMask(rig.Device, 0, false, out _));

        Assert.Equal([new SunkMessage(Address, 0x7, 4)], rig.Messages);
        Assert.False(Msi.SetMask(rig.Device, 32, true, out var error));
        Assert.Equal("msi: vector 32 not allocated. max vector is 31", error);
    }

    [Fact]
    public void B51_PendingBitsAreNotWritableBySoftware()
    {
        var rig = new MsiTestRig();
        var cap = Msi.Init(rig.Device, 0, 2, is64Bit: false, perVectorMask: true, out _);
        rig.ConfigWrite(cap + MsiRegisters.Pending32, 0xffff_ffff, 4);
        Assert.Equal(0u, rig.ConfigRead(cap + MsiRegisters.Pending32, 4));

        rig.ConfigWrite(cap + MsiRegisters.Mask32, 0b1, 4);
        Msi.Notify(rig.Device, 0);
        rig.ConfigWrite(cap + MsiRegisters.Pending32, 0, 4);
        Assert.Equal(1u, rig.ConfigRead(cap + MsiRegisters.Pending32, 4));
    }

    [Fact]
    public void B52_EnablingMsiDeassertsIntx()
    {
        // INTx itself belongs to PciDevice.SetIrq (piece P); this pins that Msi asks for the deassert.
        var rig = new MsiTestRig();
        var cap = Msi.Init(rig.Device, 0, 1, is64Bit: false, perVectorMask: false, out _);
        rig.Device.Config[PciConfig.InterruptPin] = 1;
        rig.Device.SetIrq(true);

        rig.ConfigWrite(cap + MsiRegisters.Flags, MsiRegisters.FlagsEnable, 2);

        Assert.Equal(0, rig.Device.GetWord(PciConfig.Status) & PciConfig.StatusInterrupt);
        Assert.True(Msi.IsEnabled(rig.Device));
    }

    [Fact]
    public void B53_MsiMessagesAreDroppedWhileBusMasterIsOff()
    {
        var rig = new MsiTestRig();
        var cap = Msi.Init(rig.Device, 0, 1, is64Bit: false, perVectorMask: false, out _);
        Program(rig, cap, is64Bit: false, data: 0x50, mme: 0);
        rig.EnableBusMaster(false);

        Msi.Notify(rig.Device, 0);
        Assert.Empty(rig.Messages);

        rig.EnableBusMaster(true);
        Msi.Notify(rig.Device, 0);
        Assert.Equal([new SunkMessage(Address, 0x50, 4)], rig.Messages);
    }

    [Fact]
    public void ResetClearsEnableMmeAddressDataMaskAndPending()
    {
        var rig = new MsiTestRig();
        var cap = Msi.Init(rig.Device, 0, 4, is64Bit: true, perVectorMask: true, out _);
        rig.ConfigWrite(cap + MsiRegisters.Mask64, 0xf, 4);
        Program(rig, cap, is64Bit: true, data: 0x99, mme: 2);
        Msi.Notify(rig.Device, 2);

        Msi.Reset(rig.Device);

        Assert.Equal(0x0184u, rig.ConfigRead(cap + MsiRegisters.Flags, 2));
        for (var off = MsiRegisters.AddressLo; off < MsiRegisters.Size64Masked; off += 4)
        {
            Assert.Equal(0u, rig.ConfigRead(cap + off, 4));
        }

        Assert.False(Msi.IsEnabled(rig.Device));
    }

    [Fact]
    public void EnableTransitionsAreReportedToTheRootBusObserverWithTheAllocatedVectors()
    {
        var rig = new MsiTestRig();
        var observer = AttachObserver(rig);
        var cap = Msi.Init(rig.Device, 0, 8, is64Bit: false, perVectorMask: false, out _);

        rig.ConfigWrite(cap + MsiRegisters.Flags, 0x0021, 2);
        rig.ConfigWrite(cap + MsiRegisters.Data32, 0x10, 2);
        rig.ConfigWrite(cap + MsiRegisters.Flags, 0x0000, 2);
        rig.ConfigWrite(cap + MsiRegisters.Flags, 0x0001, 2);
        Msi.Reset(rig.Device);

        Assert.Equal(["Msi 4", "Msi 0", "Msi 1", "Msi 0"], observer.Calls);
    }

    [Fact]
    public void ARefusedEnableDropsMessagesUntilDisabled()
    {
        var rig = new MsiTestRig();
        var observer = AttachObserver(rig);
        observer.Refuse = true;
        var cap = Msi.Init(rig.Device, 0, 1, is64Bit: false, perVectorMask: false, out _);
        Program(rig, cap, is64Bit: false, data: 0x50, mme: 0);

        Msi.Notify(rig.Device, 0);
        Assert.Empty(rig.Messages);
        Assert.True(rig.Device.MsiState!.DeliveryRefused);

        observer.Refuse = false;
        rig.ConfigWrite(cap + MsiRegisters.Flags, 0, 2);
        rig.ConfigWrite(cap + MsiRegisters.Flags, MsiRegisters.FlagsEnable, 2);
        Msi.Notify(rig.Device, 0);
        Assert.Single(rig.Messages);
    }

    [Fact]
    public void NotifyOutsideTheAllocatedVectorsIsIgnored()
    {
        var rig = new MsiTestRig();
        var cap = Msi.Init(rig.Device, 0, 4, is64Bit: false, perVectorMask: true, out _);
        Program(rig, cap, is64Bit: false, data: 0x50, mme: 1);
        Msi.Notify(rig.Device, 2);
        Msi.Notify(rig.Device, -1);
        Msi.Notify(rig.Device, 40);
        Assert.Empty(rig.Messages);
        Assert.Equal(0u, rig.ConfigRead(cap + MsiRegisters.Pending32, 4));
    }

    internal static RecordingObserver AttachObserver(MsiTestRig rig)
    {
        var observer = new RecordingObserver();
        var bus = new PciBus(new Qdev.Bus("pcie.0", "PCIE"), Memory.MemoryRegion.CreateContainer("pci-mem", 1UL << 32),
            Memory.MemoryRegion.CreateContainer("pci-io", 0x10000), null)
        { InterruptObserver = observer };
        rig.Device.Bus = bus;
        rig.Device.Devfn = 0x08;
        return observer;
    }

    /// <summary>Programs address <see cref="Address"/> and <paramref name="data"/>, then MME and Enable in one write.</summary>
    private static void Program(MsiTestRig rig, int cap, bool is64Bit, ushort data, int mme)
    {
        rig.ConfigWrite(cap + MsiRegisters.AddressLo, Address, 4);
        if (is64Bit)
        {
            rig.ConfigWrite(cap + MsiRegisters.AddressHi, 0, 4);
        }

        rig.ConfigWrite(cap + (is64Bit ? MsiRegisters.Data64 : MsiRegisters.Data32), data, 2);
        rig.ConfigWrite(cap + MsiRegisters.Flags, (uint)((mme << 4) | MsiRegisters.FlagsEnable), 2);
    }
}
