using Nemu.Core;
using Nemu.Core.State;
using Nemu.Memory;

namespace Nemu.Pci.Tests;

/// <summary>Seed 004's allocator rules (pci.md §8 (d); issue6-plan §3.6).</summary>
public sealed class MsiAllocatorTests
{
    [Fact]
    public void MsiBlockIsTheLowestFreePowerOfTwoAlignedRun()
    {
        var allocator = new MsiAllocator();
        Assert.True(allocator.Allocate(Function(1), MsiKind.Msi, 1, out var a));
        Assert.True(allocator.Allocate(Function(2), MsiKind.Msi, 4, out var b));
        Assert.True(allocator.Allocate(Function(3), MsiKind.Msi, 32, out var c));

        Assert.Equal(80u, a);
        Assert.Equal(84u, b);
        // INTIDs 80-95 cannot hold an aligned 32-block: the first is 96.
        Assert.Equal(96u, c);
    }

    [Fact]
    public void MsixBlockIsContiguousWithoutAlignment()
    {
        var allocator = new MsiAllocator();
        Assert.True(allocator.Allocate(Function(1), MsiKind.Msi, 1, out _));
        Assert.True(allocator.Allocate(Function(2), MsiKind.Msix, 3, out var first));

        Assert.Equal(81u, first);
        Assert.True(allocator.TryGetAllocation(Function(2), out var allocation));
        Assert.Equal(new MsiAllocation(0x0002, MsiKind.Msix, 81, 3), allocation);
    }

    [Fact]
    public void FreedNumbersAreReusedByTheNextEnable()
    {
        var allocator = new MsiAllocator();
        var f1 = Function(1);
        var f2 = Function(2);
        var f3 = Function(3);
        Assert.True(allocator.MsiEnableChanged(f1, MsiKind.Msix, 2));
        Assert.True(allocator.MsiEnableChanged(f2, MsiKind.Msix, 2));

        Assert.True(allocator.MsiEnableChanged(f1, MsiKind.Msix, 0));
        Assert.True(allocator.MsiEnableChanged(f3, MsiKind.Msix, 2));

        Assert.True(allocator.TryGetAllocation(f3, out var reused));
        Assert.Equal(80u, reused.First);
        Assert.False(allocator.TryGetAllocation(f1, out _));
    }

    [Fact]
    public void DriverReloadGetsTheLowestFreeNumbersAgain()
    {
        var allocator = new MsiAllocator();
        var nic = Function(1);
        var other = Function(2);
        Assert.True(allocator.MsiEnableChanged(nic, MsiKind.Msi, 2));
        Assert.True(allocator.MsiEnableChanged(other, MsiKind.Msi, 1));

        for (var reload = 0; reload < 100; reload++)
        {
            Assert.True(allocator.MsiEnableChanged(nic, MsiKind.Msi, 0));
            Assert.True(allocator.MsiEnableChanged(nic, MsiKind.Msi, 2));
        }

        Assert.True(allocator.TryGetAllocation(nic, out var allocation));
        Assert.Equal(80u, allocation.First);
        Assert.Equal(GicFree - 3, allocator.FreeCount);
    }

    [Fact]
    public void UnplugFreesTheBlock()
    {
        var allocator = new MsiAllocator(first: 80, count: 4);
        var gone = Function(1);
        Assert.True(allocator.MsiEnableChanged(gone, MsiKind.Msix, 4));
        Assert.False(allocator.MsiEnableChanged(Function(2), MsiKind.Msix, 1));

        allocator.DeviceRemoved(gone);

        Assert.Empty(allocator.Allocations);
        Assert.True(allocator.MsiEnableChanged(Function(2), MsiKind.Msix, 4));
    }

    [Fact]
    public void ExhaustedPoolRefusesAndChangesNothing()
    {
        var allocator = new MsiAllocator(first: 80, count: 8);
        Assert.True(allocator.MsiEnableChanged(Function(1), MsiKind.Msi, 4));
        Assert.True(allocator.MsiEnableChanged(Function(2), MsiKind.Msix, 3));

        Assert.False(allocator.MsiEnableChanged(Function(3), MsiKind.Msi, 2));
        Assert.False(allocator.MsiEnableChanged(Function(4), MsiKind.Msix, 2));
        Assert.True(allocator.MsiEnableChanged(Function(5), MsiKind.Msix, 1));

        Assert.Equal(3, allocator.Allocations.Count);
        Assert.Equal(0, allocator.FreeCount);
    }

    [Fact]
    public void NoPerBusLimitOnlyThePoolSize()
    {
        var allocator = new MsiAllocator();
        for (var slot = 0; slot < 32; slot++)
        {
            for (var fn = 0; fn < 2; fn++)
            {
                Assert.True(allocator.MsiEnableChanged(Function((slot << 3) | fn), MsiKind.Msi, 1), $"{slot}.{fn}");
            }
        }

        Assert.Equal(64, allocator.Allocations.Count);
        Assert.False(allocator.MsiEnableChanged(Function(0xf8 | 2), MsiKind.Msi, 1));
    }

    [Fact]
    public void FortyFunctionsWithOneVectorEachFitOneBus()
    {
        var allocator = new MsiAllocator();
        for (var i = 0; i < 40; i++)
        {
            Assert.True(allocator.MsiEnableChanged(Function(i), MsiKind.Msix, 1));
        }

        Assert.Equal(40, allocator.Allocations.Count);
        Assert.Equal(Enumerable.Range(80, 40).Select(n => (uint)n), allocator.Allocations.Values.Select(a => a.First));
    }

    [Fact]
    public void SecondKindOnAFunctionIsRefused()
    {
        var allocator = new MsiAllocator();
        var f = Function(8);
        Assert.True(allocator.MsiEnableChanged(f, MsiKind.Msi, 1));

        Assert.False(allocator.MsiEnableChanged(f, MsiKind.Msix, 4));
        // Disabling the kind that is not bound frees nothing.
        Assert.True(allocator.MsiEnableChanged(f, MsiKind.Msix, 0));

        Assert.True(allocator.TryGetAllocation(f, out var allocation));
        Assert.Equal(MsiKind.Msi, allocation.Kind);
        Assert.True(allocator.MsiEnableChanged(f, MsiKind.Msi, 0));
        Assert.True(allocator.MsiEnableChanged(f, MsiKind.Msix, 4));
    }

    [Fact]
    public void ResizingAnMsiBlockMovesItOrKeepsTheOldOne()
    {
        var allocator = new MsiAllocator(first: 80, count: 8);
        var f = Function(1);
        Assert.True(allocator.MsiEnableChanged(f, MsiKind.Msi, 2));
        Assert.True(allocator.MsiEnableChanged(Function(2), MsiKind.Msi, 4));

        Assert.True(allocator.MsiEnableChanged(f, MsiKind.Msi, 1));
        Assert.True(allocator.TryGetAllocation(f, out var smaller));
        Assert.Equal(new MsiAllocation(0x0001, MsiKind.Msi, 80, 1), smaller);

        Assert.False(allocator.MsiEnableChanged(f, MsiKind.Msi, 8));
        Assert.True(allocator.TryGetAllocation(f, out var kept));
        Assert.Equal(smaller, kept);
    }

    [Fact]
    public void InvalidMsiCountsAreRefused()
    {
        var allocator = new MsiAllocator();
        Assert.False(allocator.Allocate(Function(1), MsiKind.Msi, 3, out _));
        Assert.False(allocator.Allocate(Function(1), MsiKind.Msi, 64, out _));
        Assert.False(allocator.Allocate(Function(1), MsiKind.Msix, 65, out _));
        Assert.Empty(allocator.Allocations);
    }

    [Fact]
    public void FunctionsOnOtherBusesAreKeyedByBusNumber()
    {
        var allocator = new MsiAllocator();
        var onBus2 = Function(0x08, busNumber: 2);
        Assert.True(allocator.MsiEnableChanged(onBus2, MsiKind.Msi, 1));
        Assert.True(allocator.MsiEnableChanged(Function(0x08), MsiKind.Msi, 1));

        Assert.Equal([(ushort)0x0008, (ushort)0x0208], allocator.Allocations.Keys);
        Assert.Equal(2, allocator.Allocations[0x0208].Bus);
        Assert.Equal(0x08, allocator.Allocations[0x0208].Devfn);
    }

    [Fact]
    public void AttachInstallsTheObserverOnTheRootBus()
    {
        var root = new PciBus(new Qdev.Bus("pcie.0", "PCIE"), MemoryRegion.CreateContainer("mem", 1 << 20), MemoryRegion.CreateContainer("io", 1 << 16), null);
        var allocator = new MsiAllocator();
        allocator.Attach(root);
        Assert.Same(allocator, root.InterruptObserver);
    }

    [Fact]
    public void SavedMapLoadsIntoAFreshAllocatorAndRebuildsTheFreeSet()
    {
        var source = new MsiAllocator();
        Assert.True(source.MsiEnableChanged(Function(0x10), MsiKind.Msi, 4));
        Assert.True(source.MsiEnableChanged(Function(0x08, busNumber: 1), MsiKind.Msix, 5));
        Assert.True(source.MsiEnableChanged(Function(0x18), MsiKind.Msi, 1));
        var saved = source.VmState.Save();

        var target = new MsiAllocator();
        target.VmState.Load(saved, target.Vmsd.VersionId);

        Assert.Equal(source.Allocations, target.Allocations);
        Assert.Equal(source.FreeCount, target.FreeCount);
        Assert.Equal(saved, target.VmState.Save());
        // The rebuilt free set: the next block comes after every loaded one, and freeing works by device.
        Assert.True(target.Allocate(Function(0x20), MsiKind.Msix, 1, out var next));
        Assert.Equal(90u, next);
        Assert.True(target.Release(Function(0x10)));
        Assert.True(target.Allocate(Function(0x28), MsiKind.Msi, 4, out var reused));
        Assert.Equal(80u, reused);
    }

    [Fact]
    public void StateHoldsAnArrayOfBdfKindFirstCount()
    {
        var allocator = new MsiAllocator(first: 80, count: 4);
        Assert.True(allocator.MsiEnableChanged(Function(0x09), MsiKind.Msix, 2));

        var saved = allocator.VmState.Save();

        // nr, then 4 × {bdf u16, kind u8, first u32, count u32}, big-endian as the migration stream.
        Assert.Equal(4 + (4 * 11), saved.Length);
        Assert.Equal(new byte[] { 0, 0, 0, 1, 0x00, 0x09, 1, 0, 0, 0, 80, 0, 0, 0, 2 }, saved[..15]);
        Assert.Contains("\"bdf\"", allocator.Vmsd.DescribeJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void LoadRefusesOverlappingOrOutOfPoolEntries()
    {
        var source = new MsiAllocator(first: 80, count: 4);
        Assert.True(source.MsiEnableChanged(Function(1), MsiKind.Msix, 2));
        var saved = source.VmState.Save();
        var smaller = new MsiAllocator(first: 82, count: 4);

        var error = Assert.Throws<StateLoadException>(() => smaller.VmState.Load(saved, 1));

        Assert.Contains("bad allocation 00:00.1", error.Message, StringComparison.Ordinal);
        Assert.Empty(smaller.Allocations);
    }

    [Fact]
    public void ResetFreesEverything()
    {
        var allocator = new MsiAllocator();
        Assert.True(allocator.MsiEnableChanged(Function(1), MsiKind.Msix, 7));
        allocator.Reset();
        Assert.Empty(allocator.Allocations);
        Assert.Equal(GicFree, allocator.FreeCount);
    }

    [Fact]
    public void ProgramVectorsWritesDoorbellAndFirstNumberIntoMsi()
    {
        var allocator = new MsiAllocator();
        var f = MsiFunction.WithMsi(devfn: 0x08, is64Bit: true);
        Assert.True(allocator.MsiEnableChanged(Function(0x00), MsiKind.Msi, 1));
        Assert.True(allocator.MsiEnableChanged(f, MsiKind.Msi, 2));

        Assert.True(allocator.ProgramVectors(f));

        Assert.Equal(0x08020040u, f.GetLong(0x44));
        Assert.Equal(0u, f.GetLong(0x48));
        Assert.Equal((ushort)82, f.GetWord(0x4c));
    }

    [Fact]
    public void ProgramVectorsUses32BitMsiLayout()
    {
        var allocator = new MsiAllocator();
        var f = MsiFunction.WithMsi(devfn: 0x08, is64Bit: false);
        Assert.True(allocator.MsiEnableChanged(f, MsiKind.Msi, 1));

        Assert.True(allocator.ProgramVectors(f));

        Assert.Equal(0x08020040u, f.GetLong(0x44));
        Assert.Equal((ushort)80, f.GetWord(0x48));
    }

    [Fact]
    public void ProgramVectorsFillsAndUnmasksMsixTableEntries()
    {
        var allocator = new MsiAllocator();
        var f = MsiFunction.WithMsixInRam(devfn: 0x10, tableOffset: 0x100);
        Assert.True(allocator.MsiEnableChanged(f, MsiKind.Msix, 3));

        Assert.True(allocator.ProgramVectors(f));

        using var space = new AddressSpace(f.BusMasterAddressSpace!.System, "check", f.Bars[0]!.Region);
        for (var v = 0u; v < 3; v++)
        {
            var entry = new GuestAddress(0x100 + (16 * v));
            Assert.Equal(MemTxResult.Ok, space.Read(entry, 4, default, out var lo));
            space.Read(entry + 4, 4, default, out var hi);
            space.Read(entry + 8, 4, default, out var data);
            space.Read(entry + 12, 4, default, out var control);
            Assert.Equal((0x08020040UL, 0UL, 80UL + v, 0UL), (lo, hi, data, control));
        }

        space.Read(new GuestAddress(0x100 + 48 + 12), 4, default, out var untouched);
        Assert.Equal(1UL, untouched);
    }

    [Fact]
    public void ProgramVectorsWithoutAllocationDoesNothing()
    {
        var allocator = new MsiAllocator();
        var f = MsiFunction.WithMsi(devfn: 0x08, is64Bit: true);
        Assert.False(allocator.ProgramVectors(f));
        Assert.Equal(0u, f.GetLong(0x44));
    }

    private const int GicFree = MsiAllocator.GicV2mSpiCount;

    private static MsiFunction Function(int devfn, int busNumber = 0) => new(devfn, busNumber);
}
