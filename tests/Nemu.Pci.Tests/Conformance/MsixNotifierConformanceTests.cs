// Conformance tests for pci.md §9 items 65-68 (MSI-X vector use and the use/release/poll notifiers, §4.4; seed
// 003's fast path / slow path switch). The guest side is driven through qtest on Nemu's edu,msix-vectors=N; the
// notifiers are QEMU-internal callbacks, observed by installing a recording IMsixVectorNotifier on the in-process
// edu (msix_set_vector_notifiers), and vector use counts are changed with msix_vector_use/unuse.
using static Nemu.Pci.Tests.Conformance.MsixEduRig;

namespace Nemu.Pci.Tests.Conformance;

public sealed class MsixNotifierConformanceTests
{
    private const string Doorbell = "0x8020040";

    [Fact]
    public void B65_UnmaskCallsUseWithTheCurrentMessageAndMaskCallsRelease()
    {
        using var rig = new MsixEduRig();
        var notifier = Install(rig);

        rig.Pci.MsixSetEntry(1, MsiQtestRig.Doorbell, 0x5e); // while masked: no call
        Assert.Empty(notifier.Calls);
        rig.SetMasked(1, false);
        Assert.Equal([$"use 1 {Doorbell} 0x5e"], notifier.Calls);

        rig.Pci.MsixSetEntry(1, MsiQtestRig.Doorbell, 0x51); // address/data writes while unmasked do not re-fire
        Assert.Single(notifier.Calls);
        Assert.Equal([SpiOf(1)], rig.Raise(1)); // the message is read at delivery time

        rig.SetMasked(1, true);
        Assert.Equal([$"use 1 {Doorbell} 0x5e", "release 1"], notifier.Calls);

        // Function Mask changes every unmasked vector's state.
        rig.SetMasked(0, false);
        rig.SetMasked(3, false);
        notifier.Calls.Clear();
        rig.WriteControl(0xc000);
        Assert.Equal(["release 0", "release 3"], notifier.Calls);
        rig.WriteControl(0x8000);
        Assert.Equal(["release 0", "release 3", $"use 0 {Doorbell} 0x50", $"use 3 {Doorbell} 0x53"], notifier.Calls);
    }

    [Fact]
    public void B66_InstallingNotifiersUsesEachUnmaskedVectorThenPollsAll()
    {
        using var rig = new MsixEduRig();
        rig.SetMasked(0, false);
        rig.SetMasked(2, false);

        var notifier = new RecordingVectorNotifier();
        Assert.True(Msix.SetVectorNotifiers(rig.Edu, notifier));
        Assert.Equal([$"use 0 {Doorbell} 0x50", $"use 2 {Doorbell} 0x52", "poll 0 4"], notifier.Calls);

        Msix.UnsetVectorNotifiers(rig.Edu);
        Assert.Equal(["release 0", "release 2"], notifier.Calls.Skip(3));

        // Function-masked (or disabled): no use calls, only the poll.
        rig.WriteControl(0xc000);
        var masked = new RecordingVectorNotifier();
        Assert.True(Msix.SetVectorNotifiers(rig.Edu, masked));
        Assert.Equal(["poll 0 4"], masked.Calls);
    }

    [Fact]
    public void B67_LastUnuseClearsTheVectorsPendingBit()
    {
        using var rig = new MsixEduRig();
        Assert.Empty(rig.Raise(1));
        Assert.Empty(rig.Raise(2));
        Assert.Equal(0b110u, rig.Pba());

        Msix.VectorUse(rig.Edu, 1);
        Msix.VectorUnuse(rig.Edu, 1);
        Assert.Equal(0b110u, rig.Pba()); // one use left
        Msix.VectorUnuse(rig.Edu, 1);
        Assert.Equal(0b100u, rig.Pba());

        Assert.Empty(rig.SetMasked(1, false)); // nothing left to deliver
        Assert.Equal([SpiOf(2)], rig.SetMasked(2, false));
    }

    [Fact]
    public void B68_PbaReadPollsTheVectorsItCovers()
    {
        using var rig = new MsixEduRig(40);
        var notifier = Install(rig, (start, end) =>
        {
            if (start <= 35 && 35 < end)
            {
                Msix.SetPending(rig.Edu, 35); // a backend reporting an event it saw while the vector was masked
            }
        });

        Assert.Equal(0u, rig.Pba());
        Assert.Equal(["poll 0 32"], notifier.Calls);
        Assert.Equal(1u << 3, rig.Pci.ReadL(rig.Pci.MsixPbaBar, rig.Pci.MsixPbaOffset + 4));
        Assert.Equal(["poll 0 32", "poll 32 40"], notifier.Calls);

        notifier.Calls.Clear();
        Assert.Equal(1UL << 35, rig.Pci.ReadQ(rig.Pci.MsixPbaBar, rig.Pci.MsixPbaOffset));
        Assert.Equal(["poll 0 32", "poll 32 40"], notifier.Calls);

        using var small = new MsixEduRig(4);
        var smallNotifier = Install(small);
        small.Pba();
        Assert.Equal(["poll 0 4"], smallNotifier.Calls);
    }

    /// <summary>Installs a recording notifier and forgets the install-time calls.</summary>
    private static RecordingVectorNotifier Install(MsixEduRig rig, Action<int, int>? onPoll = null)
    {
        var notifier = new RecordingVectorNotifier(onPoll);
        Assert.True(Msix.SetVectorNotifiers(rig.Edu, notifier));
        notifier.Calls.Clear();
        return notifier;
    }
}
