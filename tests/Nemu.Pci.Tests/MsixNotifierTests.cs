// pci.md §4.4 and §9 65, 66, 68; seed 003: the use/release/poll call sequences of msix_set_vector_notifiers, and a
// fast-path backend that caches the message on use and falls back to the slow path (pending bit) while masked.
using static Nemu.Pci.Tests.MsixVectorTests;

namespace Nemu.Pci.Tests;

public sealed class MsixNotifierTests
{
    private const ulong Doorbell = MsiTestRig.Doorbell;

    [Fact]
    public void B65_UnmaskCallsUseWithTheCurrentMessageAndMaskCallsRelease()
    {
        var rig = Enabled(2, out _);
        rig.BarWrite(16 + 12, 1, 4);
        var notifier = new RecordingNotifier();
        Msix.SetVectorNotifiers(rig.Device, notifier);
        notifier.Calls.Clear();

        rig.BarWrite(16 + 8, 0x61, 4);
        rig.BarWrite(16 + 12, 0, 4);
        rig.BarWrite(16 + 12, 0, 4);
        rig.BarWrite(16 + 8, 0x62, 4);
        rig.BarWrite(16 + 12, 1, 4);

        // Address/data writes while unmasked do not re-fire use (pci.md §4.3).
        Assert.Equal([$"use 1 0x{Doorbell:x}/0x61", "release 1"], notifier.Calls);
    }

    [Fact]
    public void FunctionMaskReleasesAndUnmaskUsesEveryUnmaskedEntry()
    {
        var rig = Enabled(3, out var cap);
        rig.BarWrite(16 + 12, 1, 4);
        var notifier = new RecordingNotifier();
        Msix.SetVectorNotifiers(rig.Device, notifier);
        notifier.Calls.Clear();

        rig.ConfigWrite(cap + MsixRegisters.Flags, 0xc000, 2);
        rig.ConfigWrite(cap + MsixRegisters.Flags, 0x8000, 2);

        Assert.Equal(
            ["release 0", "release 2", $"use 0 0x{Doorbell:x}/0x50", $"use 2 0x{Doorbell:x}/0x52"],
            notifier.Calls);
    }

    [Fact]
    public void B66_InstallingWhileEnabledUsesEachUnmaskedVectorThenPollsAll()
    {
        var rig = Enabled(3, out _);
        rig.BarWrite(16 + 12, 1, 4);
        var notifier = new RecordingNotifier();

        Assert.True(Msix.SetVectorNotifiers(rig.Device, notifier));

        Assert.Equal([$"use 0 0x{Doorbell:x}/0x50", $"use 2 0x{Doorbell:x}/0x52", "poll 0 3"], notifier.Calls);
    }

    [Fact]
    public void B66_InstallingWhileDisabledOrFunctionMaskedOnlyPolls()
    {
        var rig = Programmed(2, out var cap);
        var notifier = new RecordingNotifier();
        Msix.SetVectorNotifiers(rig.Device, notifier);
        Msix.UnsetVectorNotifiers(rig.Device);
        rig.ConfigWrite(cap + MsixRegisters.Flags, 0xc000, 2);
        Msix.SetVectorNotifiers(rig.Device, notifier);
        Assert.Equal(["poll 0 2", "poll 0 2"], notifier.Calls);
    }

    [Fact]
    public void ARefusedUseReleasesTheVectorsAlreadyUsedAndUninstalls()
    {
        var rig = Enabled(3, out _);
        var notifier = new RecordingNotifier { RefuseVector = 2 };

        Assert.False(Msix.SetVectorNotifiers(rig.Device, notifier));

        Assert.Equal(
            [$"use 0 0x{Doorbell:x}/0x50", $"use 1 0x{Doorbell:x}/0x51", $"use 2 0x{Doorbell:x}/0x52", "release 1", "release 0"],
            notifier.Calls);
        Assert.Null(rig.Device.MsixState!.Notifier);
    }

    [Fact]
    public void UnsetReleasesEveryUnmaskedVectorWhileEnabled()
    {
        var rig = Enabled(3, out _);
        rig.BarWrite(12, 1, 4);
        var notifier = new RecordingNotifier();
        Msix.SetVectorNotifiers(rig.Device, notifier);
        notifier.Calls.Clear();

        Msix.UnsetVectorNotifiers(rig.Device);
        rig.BarWrite(12, 0, 4);

        Assert.Equal(["release 1", "release 2"], notifier.Calls);
    }

    [Fact]
    public void B68_PbaReadPollsTheVectorsTheDwordCovers()
    {
        var rig = Enabled(40, out _);
        var notifier = new RecordingNotifier();
        Msix.SetVectorNotifiers(rig.Device, notifier);
        notifier.Calls.Clear();

        rig.BarRead(0x800, 4);
        rig.BarRead(0x804, 4);
        rig.BarRead(0x800, 8);
        rig.BarRead(0x800, 2);

        // An 8-byte read is two dword callbacks; the rejected 2-byte read polls nothing.
        Assert.Equal(["poll 0 32", "poll 32 40", "poll 0 32", "poll 32 40"], notifier.Calls);
    }

    [Fact]
    public void B68_APbaDwordPastTheLastVectorPollsNothing()
    {
        var rig = Enabled(1, out _);
        var notifier = new RecordingNotifier();
        Msix.SetVectorNotifiers(rig.Device, notifier);
        notifier.Calls.Clear();

        rig.BarRead(0x800, 8);

        Assert.Equal(["poll 0 1"], notifier.Calls);
    }

    [Fact]
    public void Seed003_FastPathWhileUnmaskedPendingWhileMaskedAndOneDeliveryOnUnmask()
    {
        var rig = Enabled(1, out _);
        var backend = new FastPathBackend(rig.Device);
        Assert.True(Msix.SetVectorNotifiers(rig.Device, backend));

        // Unmasked: the backend delivers from its cached route without touching the bus-master space.
        backend.Fire(0);
        backend.Fire(0);
        backend.Fire(0);
        Assert.Equal(3, backend.FastDeliveries);
        Assert.Equal(new MsiMessage(Doorbell, 0x50), backend.Cached[0]);
        Assert.Empty(rig.Messages);

        // Mask write, then the guest's flushing read: the mask is visible and the route already released.
        rig.BarWrite(12, 1, 4);
        Assert.Equal(1ul, rig.BarRead(12, 4));
        Assert.Null(backend.Cached[0]);

        // Masked: events take the slow path and pend; the PBA read shows it.
        backend.Fire(0);
        backend.Fire(0);
        Assert.Equal(3, backend.FastDeliveries);
        Assert.Equal(1ul, rig.BarRead(0x800, 4));
        Assert.Empty(rig.Messages);

        // Unmask with a changed data: use() caches the new message and the pending event goes out exactly once.
        rig.BarWrite(8, 0x5a, 4);
        rig.BarWrite(12, 0, 4);
        Assert.Equal([new SunkMessage(Doorbell, 0x5a, 4)], rig.Messages);
        Assert.Equal(new MsiMessage(Doorbell, 0x5a), backend.Cached[0]);
        Assert.Equal(0ul, rig.BarRead(0x800, 4));

        backend.Fire(0);
        Assert.Equal(4, backend.FastDeliveries);
        Assert.Single(rig.Messages);
    }

    [Fact]
    public void Seed003_PollLetsTheBackendReportEventsItHeldWhileMasked()
    {
        var rig = Enabled(1, out _);
        var backend = new FastPathBackend(rig.Device) { HoldWhileMasked = true };
        Msix.SetVectorNotifiers(rig.Device, backend);
        rig.BarWrite(12, 1, 4);

        backend.Fire(0);
        Assert.Equal(1ul, rig.BarRead(0x800, 4));
        rig.BarWrite(12, 0, 4);

        Assert.Equal([new SunkMessage(Doorbell, 0x50, 4)], rig.Messages);
    }

    [Fact]
    public void TableAccessesAndDeliveriesAllocateNothing()
    {
        var rig = Enabled(4, out var cap);
        var backend = new FastPathBackend(rig.Device);
        Msix.SetVectorNotifiers(rig.Device, backend);
        RoundTrips(rig, cap, backend, 64);

        var before = GC.GetAllocatedBytesForCurrentThread();
        RoundTrips(rig, cap, backend, 1000);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    private static void RoundTrips(MsiTestRig rig, int cap, FastPathBackend backend, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var entry = (ulong)(i & 3) * 16;
            rig.BarWrite(entry + 12, 1, 4);
            rig.BarRead(entry + 12, 4);
            backend.Fire(i & 3);
            rig.BarRead(0x800, 8);
            rig.BarWrite(entry + 12, 0, 4);
            rig.BarRead(entry, 8);
            Msix.Notify(rig.Device, i & 3);
            rig.Sink.Clear();
        }
    }

    /// <summary>
    /// Seed 003's accelerated backend: on use it caches the vector's message (an irqfd route in KVM terms) and
    /// delivers events from the cache; on release it drops the route and events go through msix_notify, which pends
    /// them. With <see cref="HoldWhileMasked"/> it keeps events itself and reports them on poll instead.
    /// </summary>
    private sealed class FastPathBackend(PciDevice device) : IMsixVectorNotifier
    {
        private readonly bool[] _held = new bool[device.MsixState!.Vectors];

        public MsiMessage?[] Cached { get; } = new MsiMessage?[device.MsixState!.Vectors];

        public int FastDeliveries { get; private set; }

        public bool HoldWhileMasked { get; init; }

        public bool Use(int vector, MsiMessage message)
        {
            Cached[vector] = message;
            return true;
        }

        public void Release(int vector) => Cached[vector] = null;

        public void Poll(int start, int end)
        {
            for (var v = start; v < end; v++)
            {
                if (_held[v])
                {
                    _held[v] = false;
                    Msix.SetPending(device, v);
                }
            }
        }

        public void Fire(int vector)
        {
            if (Cached[vector] is not null)
            {
                FastDeliveries++;
            }
            else if (HoldWhileMasked)
            {
                _held[vector] = true;
            }
            else
            {
                Msix.Notify(device, vector);
            }
        }
    }
}
