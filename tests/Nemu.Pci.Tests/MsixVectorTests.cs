// pci.md §4.3-§4.5 and §9 53, 59-64, 67, 69: MSI-X masking, pending bits, use counts, Enable transitions and
// save/load, driven through the table BAR and config space as a guest would.
using static Nemu.Pci.Tests.MsixTableTests;

namespace Nemu.Pci.Tests;

public sealed class MsixVectorTests
{
    private const ulong Doorbell = MsiTestRig.Doorbell;

    [Fact]
    public void UnmaskedUsedVectorOfAnEnabledFunctionSendsItsEntry()
    {
        var rig = Enabled(3, out _);
        Msix.Notify(rig.Device, 2);
        Assert.Equal([new SunkMessage(Doorbell, 0x52, 4)], rig.Messages);
    }

    [Fact]
    public void B53_MsixMessagesAreDroppedWhileBusMasterIsOff()
    {
        var rig = Enabled(1, out _);
        rig.EnableBusMaster(false);
        Msix.Notify(rig.Device, 0);
        Assert.Empty(rig.Messages);
        Assert.False(Msix.IsPending(rig.Device, 0));
    }

    [Fact]
    public void B59_NotifyOnAMaskedUsedVectorSetsItsPbaBitOnly()
    {
        var rig = Enabled(3, out _);
        rig.BarWrite(16 + 12, 1, 4);

        Msix.Notify(rig.Device, 1);

        Assert.Empty(rig.Messages);
        Assert.Equal(0b10ul, rig.BarRead(0x800, 4));
    }

    [Fact]
    public void B60_NotifyOnAnUnusedVectorNeitherSendsNorPends()
    {
        var rig = Enabled(3, out _);
        Msix.VectorUnuse(rig.Device, 1);
        Msix.Notify(rig.Device, 1);
        rig.BarWrite(16 + 12, 1, 4);
        Msix.Notify(rig.Device, 1);

        Assert.Empty(rig.Messages);
        Assert.Equal(0ul, rig.BarRead(0x800, 4));
    }

    [Fact]
    public void B61_ClearingTheMaskBitOfAPendingVectorDeliversOnceAndClearsIt()
    {
        var rig = Enabled(3, out _);
        rig.BarWrite(12, 1, 4);
        Msix.Notify(rig.Device, 0);
        Msix.Notify(rig.Device, 0);

        rig.BarWrite(12, 0, 4);
        rig.BarWrite(12, 0, 4);

        Assert.Equal([new SunkMessage(Doorbell, 0x50, 4)], rig.Messages);
        Assert.Equal(0ul, rig.BarRead(0x800, 4));
    }

    [Fact]
    public void B62_FunctionMaskPendsEveryVectorAndClearingItDeliversThePendingUnmaskedOnes()
    {
        var rig = Enabled(3, out var cap);
        rig.BarWrite(32 + 12, 1, 4);
        rig.ConfigWrite(cap + MsixRegisters.Flags, 0xc000, 2);
        Msix.Notify(rig.Device, 0);
        Msix.Notify(rig.Device, 1);
        Msix.Notify(rig.Device, 2);
        Assert.Empty(rig.Messages);
        Assert.Equal(0b111ul, rig.BarRead(0x800, 4));

        rig.ConfigWrite(cap + MsixRegisters.Flags, 0x8000, 2);

        Assert.Equal([new SunkMessage(Doorbell, 0x50, 4), new SunkMessage(Doorbell, 0x51, 4)], rig.Messages);
        Assert.Equal(0b100ul, rig.BarRead(0x800, 4));
    }

    [Fact]
    public void B63_DisabledFunctionPendsAndEnablingWithoutFunctionMaskDelivers()
    {
        var rig = Programmed(2, out var cap);
        Assert.True(Msix.IsMasked(rig.Device, 0));
        Msix.Notify(rig.Device, 0);
        Msix.Notify(rig.Device, 1);
        Assert.Empty(rig.Messages);

        rig.ConfigWrite(cap + MsixRegisters.Flags, 0x8000, 2);

        Assert.Equal([new SunkMessage(Doorbell, 0x50, 4), new SunkMessage(Doorbell, 0x51, 4)], rig.Messages);
        Assert.Equal(0ul, rig.BarRead(0x800, 4));
    }

    [Fact]
    public void EnablingWithFunctionMaskSetKeepsPendingVectors()
    {
        var rig = Programmed(1, out var cap);
        Msix.Notify(rig.Device, 0);
        rig.ConfigWrite(cap + MsixRegisters.Flags, 0xc000, 2);
        Assert.Empty(rig.Messages);
        Assert.Equal(1ul, rig.BarRead(0x800, 4));
    }

    [Fact]
    public void B64_DisablingKeepsPendingBitsAndCallsNoRelease()
    {
        var rig = Enabled(2, out var cap);
        var notifier = new RecordingNotifier();
        Assert.True(Msix.SetVectorNotifiers(rig.Device, notifier));
        rig.BarWrite(12, 1, 4);
        Msix.Notify(rig.Device, 0);
        notifier.Calls.Clear();

        rig.ConfigWrite(cap + MsixRegisters.Flags, 0x0000, 2);

        Assert.Empty(notifier.Calls);
        Assert.Equal(1ul, rig.BarRead(0x800, 4) & 1);
        Assert.True(Msix.IsMasked(rig.Device, 1));
    }

    [Fact]
    public void B67_LastUnuseClearsThePendingBit()
    {
        var rig = Enabled(2, out _);
        Msix.VectorUse(rig.Device, 1);
        rig.BarWrite(16 + 12, 1, 4);
        Msix.Notify(rig.Device, 1);

        Msix.VectorUnuse(rig.Device, 1);
        Assert.Equal(0b10ul, rig.BarRead(0x800, 4));
        Assert.Equal(1, Msix.UseCount(rig.Device, 1));

        Msix.VectorUnuse(rig.Device, 1);
        Assert.Equal(0ul, rig.BarRead(0x800, 4));
        Msix.VectorUnuse(rig.Device, 1);
        Assert.Equal(0, Msix.UseCount(rig.Device, 1));
    }

    [Fact]
    public void EnablingMsixDeassertsIntx()
    {
        // INTx itself belongs to PciDevice.SetIrq (piece P); this pins that Msix asks for the deassert.
        var rig = Programmed(1, out var cap);
        rig.Device.Config[PciConfig.InterruptPin] = 1;
        rig.Device.SetIrq(true);
        rig.ConfigWrite(cap + MsixRegisters.Flags, 0x8000, 2);
        Assert.Equal(0, rig.Device.GetWord(PciConfig.Status) & PciConfig.StatusInterrupt);
    }

    [Fact]
    public void EnableTransitionsReportTheTableSizeToTheObserver()
    {
        var rig = Programmed(3, out var cap);
        var observer = MsiTests.AttachObserver(rig);
        rig.ConfigWrite(cap + MsixRegisters.Flags, 0xc000, 2);
        rig.ConfigWrite(cap + MsixRegisters.Flags, 0x8000, 2);
        rig.ConfigWrite(cap, 0x0000_0011, 4);
        rig.ConfigWrite(cap + MsixRegisters.Flags, 0x8000, 2);
        Msix.Reset(rig.Device);

        Assert.Equal(["Msix 3", "Msix 0", "Msix 3", "Msix 0"], observer.Calls);
    }

    [Fact]
    public void ARefusedEnableDropsMessagesWithoutPending()
    {
        var rig = Programmed(1, out var cap);
        var observer = MsiTests.AttachObserver(rig);
        observer.Refuse = true;
        rig.ConfigWrite(cap + MsixRegisters.Flags, 0x8000, 2);
        Msix.Notify(rig.Device, 0);
        Assert.Empty(rig.Messages);
        Assert.False(Msix.IsPending(rig.Device, 0));
        Assert.True(rig.Device.MsixState!.DeliveryRefused);
    }

    [Fact]
    public void ResetMasksEveryVectorEvenIfTheFunctionWasEnabled()
    {
        var rig = Enabled(1, out _);
        Msix.Reset(rig.Device);
        rig.BarWrite(0, Doorbell, 8);
        rig.BarWrite(8, 0x50, 8);
        Msix.Notify(rig.Device, 0);
        Assert.Empty(rig.Messages);
        Assert.True(Msix.IsPending(rig.Device, 0));
    }

    [Fact]
    public void B69_SaveLoadRestoresTableAndPbaAndDeliversPendingUnmaskedVectors()
    {
        var source = Programmed(9, out var cap);
        Msix.VectorUse(source.Device, 8);
        Msix.Notify(source.Device, 0);
        Msix.Notify(source.Device, 8);
        var config = (byte[])source.Device.Config.Clone();
        var section = Msix.Save(source.Device);
        Assert.Equal((9 * 16) + 2, section.Length);

        // The target is enabled in its (loaded) config space; the device re-declares its used vectors.
        var target = MappedRig(9, out _);
        config.CopyTo(target.Device.Config, 0);
        target.Device.Config[cap + MsixRegisters.ControlByte] = MsixRegisters.ControlEnable;
        Msix.VectorUse(target.Device, 0);
        Msix.VectorUse(target.Device, 8);
        var notifier = new RecordingNotifier();
        Msix.SetVectorNotifiers(target.Device, notifier);
        notifier.Calls.Clear();

        Msix.Load(target.Device, section);

        Assert.Equal(source.Device.MsixState!.Table, target.Device.MsixState!.Table);
        Assert.Equal([new SunkMessage(Doorbell, 0x50, 4), new SunkMessage(Doorbell, 0x58, 4)], target.Messages);
        Assert.Equal(Enumerable.Range(0, 9).Select(v => $"use {v} 0x{Doorbell:x}/0x{0x50 + v:x}"), notifier.Calls);
        Assert.Equal(0ul, target.BarRead(0x800, 8));
    }

    [Fact]
    public void B69_LoadKeepsPendingBitsOfVectorsThatStayMasked()
    {
        var source = Programmed(2, out _);
        Msix.Notify(source.Device, 1);
        var section = Msix.Save(source.Device);

        var target = MappedRig(2, out _);
        Msix.Load(target.Device, section);

        Assert.Equal(0b10ul, target.BarRead(0x800, 4));
        Assert.Equal(0x51ul, target.BarRead(16 + 8, 4));
        Assert.Empty(target.Messages);
    }

    [Fact]
    public void MsixSectionIsNamedMsixWithOneBufferField()
    {
        var rig = MappedRig(3, out _);
        var description = rig.Device.MsixState!.Description;
        Assert.Equal("msix", description.Name);
        var field = Assert.Single(description.Fields);
        Assert.Equal("msix", field.Name);
        Assert.Equal((3 * 16) + 1, field.Size);
    }

    [Fact]
    public void DeviceSideVectorIndicesOutOfRangeAreIgnored()
    {
        var rig = Enabled(2, out _);
        Msix.VectorUse(rig.Device, 2);
        Msix.VectorUnuse(rig.Device, -1);
        Msix.Notify(rig.Device, 2);
        Msix.Notify(rig.Device, -1);
        Msix.SetMask(rig.Device, 5, false);
        Msix.SetPending(rig.Device, 99);
        Assert.Empty(rig.Messages);
        Assert.Equal(default, Msix.GetMessage(rig.Device, 2));
    }

    /// <summary>N vectors, each entry programmed (Doorbell, 0x50+v) and unmasked, all used; MSI-X still disabled.</summary>
    internal static MsiTestRig Programmed(int vectors, out int cap)
    {
        var rig = MappedRig(vectors, out cap);
        for (var v = 0; v < vectors; v++)
        {
            var entry = (ulong)v * 16;
            rig.BarWrite(entry, Doorbell, 8);
            rig.BarWrite(entry + 8, 0x50 + (ulong)v, 8);
            Msix.VectorUse(rig.Device, v);
        }

        return rig;
    }

    /// <summary><see cref="Programmed"/> with Enable=1, Function Mask=0.</summary>
    internal static MsiTestRig Enabled(int vectors, out int cap)
    {
        var rig = Programmed(vectors, out cap);
        rig.ConfigWrite(cap + MsixRegisters.Flags, 0x8000, 2);
        return rig;
    }
}
