// pci.md §1.4: dispatch — RAM, unassigned, validity checks with QEMU's log text, access size adaptation,
// endianness, re-entrancy guard, ROM/ROM-device semantics, buffer splitting.
using Nemu.Core;
using Nemu.Core.Logging;

namespace Nemu.Memory.Tests;

public sealed class AddressSpaceTests
{
    private static readonly MemTxAttrs Attrs = default;

    private static (AddressSpace Space, MemoryRegion Root) Machine()
    {
        var root = MemoryRegion.CreateContainer("system", ulong.MaxValue);
        return (new AddressSpace(new MemorySystem(), "memory", root), root);
    }

    private static GuestAddress A(ulong v) => new(v);

    [Fact]
    public void RamReadsBackWhatWasWrittenAtEverySize()
    {
        var (space, root) = Machine();
        root.AddSubregion(0x2000_0000, MemoryRegion.CreateRam("ram", 0x1000));
        Assert.Equal(MemTxResult.Ok, space.Write(A(0x2000_0010), 0x1122334455667788, 8, Attrs));
        Assert.Equal(MemTxResult.Ok, space.Read(A(0x2000_0010), 4, Attrs, out var v4));
        Assert.Equal(0x55667788UL, v4);
        space.Read(A(0x2000_0016), 2, Attrs, out var v2);
        Assert.Equal(0x1122UL, v2);
        space.Write(A(0x2000_0011), 0xAB, 1, Attrs);
        space.Read(A(0x2000_0010), 8, Attrs, out var v8);
        Assert.Equal(0x112233445566AB88UL, v8);
    }

    [Fact]
    public void UnassignedReadIsDecodeErrorWithZeroAndLogsRejected()
    {
        var (space, _) = Machine();
        using var log = Log.Capture(LogItem.GuestErrors);
        Assert.Equal(MemTxResult.DecodeError, space.Read(A(0x5000_000C), 4, Attrs, out var v));
        Assert.Equal(0UL, v);
        Assert.Equal(MemTxResult.DecodeError, space.Write(A(0x5000_0000), 1, 2, Attrs));
        Assert.Equal(
            ["Invalid read at addr 0x5000000C, size 4, region '(null)', reason: rejected",
             "Invalid write at addr 0x50000000, size 2, region '(null)', reason: rejected"],
            log.Lines);
    }

    [Fact]
    public void InvalidAccessIsAlsoLoggedUnderInvalidMem()
    {
        var (space, _) = Machine();
        using var log = Log.Capture(LogItem.InvalidMem);
        space.Read(A(0x10), 1, Attrs, out _);
        Assert.Single(log.Lines);
    }

    [Fact]
    public void UnalignedAccessIsRejectedUnlessValidUnaligned()
    {
        var (space, root) = Machine();
        var ops = new TestOps();
        root.AddSubregion(0x1000, MemoryRegion.CreateIo("dev", 0x100, ops));
        using var log = Log.Capture(LogItem.GuestErrors);
        Assert.Equal(MemTxResult.DecodeError, space.Read(A(0x1002), 4, Attrs, out var v));
        Assert.Equal(0UL, v);
        Assert.Equal(["Invalid read at addr 0x2, size 4, region 'dev', reason: unaligned"], log.Lines);
        Assert.Empty(ops.Calls);
    }

    [Fact]
    public void InvalidSizeIsRejectedWithMinAndMaxInTheLog()
    {
        var (space, root) = Machine();
        var ops = new TestOps(new AccessConstraints { ValidMinAccessSize = 4, ValidMaxAccessSize = 4 });
        root.AddSubregion(0x1000, MemoryRegion.CreateIo("regs", 0x100, ops));
        using var log = Log.Capture(LogItem.GuestErrors);
        Assert.Equal(MemTxResult.DecodeError, space.Write(A(0x1004), 1, 1, Attrs));
        Assert.Equal(["Invalid write at addr 0x4, size 1, region 'regs', reason: invalid size (min:4 max:4)"], log.Lines);
        Assert.Empty(ops.Calls);
    }

    [Fact]
    public void AcceptsCallbackCanVetoAnAccess()
    {
        var (space, root) = Machine();
        var ops = new TestOps(new AccessConstraints { Accepts = (off, size, isWrite, attrs) => !isWrite });
        root.AddSubregion(0x1000, MemoryRegion.CreateIo("ro", 0x100, ops));
        using var log = Log.Capture(LogItem.GuestErrors);
        Assert.Equal(MemTxResult.Ok, space.Read(A(0x1000), 4, Attrs, out _));
        Assert.Equal(MemTxResult.DecodeError, space.Write(A(0x1000), 0, 4, Attrs));
        Assert.Equal(["Invalid write at addr 0x0, size 4, region 'ro', reason: rejected"], log.Lines);
    }

    [Fact]
    public void ReservationClaimsTheRangeButRejectsEveryAccess()
    {
        var (space, root) = Machine();
        root.AddSubregionOverlap(0, MemoryRegion.CreateRam("ram", 0x1000), -1);
        root.AddSubregion(0, MemoryRegion.CreateReservation("reserved", 0x100));
        using var log = Log.Capture(LogItem.GuestErrors);
        Assert.Equal(MemTxResult.DecodeError, space.Read(A(0x10), 4, Attrs, out _));
        Assert.Equal(["Invalid read at addr 0x10, size 4, region 'reserved', reason: rejected"], log.Lines);
        Assert.Equal(MemTxResult.Ok, space.Read(A(0x100), 4, Attrs, out _));
    }

    [Fact]
    public void WideAccessIsSplitIntoImplMaxPiecesLittleEndian()
    {
        var (space, root) = Machine();
        var ops = new TestOps(new AccessConstraints { ImplMaxAccessSize = 2 }) { Base = 0 };
        root.AddSubregion(0x1000, MemoryRegion.CreateIo("dev", 0x100, ops));
        space.Write(A(0x1010), 0xAABBCCDD, 4, Attrs);
        Assert.Equal(["W 10 ccdd 2", "W 12 aabb 2"], ops.Calls);
        ops.Calls.Clear();
        space.Read(A(0x1010), 4, Attrs, out var v);
        Assert.Equal(["R 10 2", "R 12 2"], ops.Calls);
        Assert.Equal((0x12UL << 16) | 0x10, v);
    }

    [Fact]
    public void NarrowAccessIsWidenedToImplMinAtTheSameAddress()
    {
        var (space, root) = Machine();
        var ops = new TestOps(new AccessConstraints { ImplMinAccessSize = 4, ValidUnaligned = true }) { Base = 0x44332211 };
        root.AddSubregion(0x1000, MemoryRegion.CreateIo("dev", 0x100, ops));
        space.Read(A(0x1001), 1, Attrs, out var v);
        Assert.Equal(["R 1 4"], ops.Calls);
        Assert.Equal(0x12UL, v);
        space.Write(A(0x1001), 0x5A, 1, Attrs);
        Assert.Equal("W 1 5a 4", ops.Calls[1]);
    }

    [Fact]
    public void BigEndianDeviceSeesSwappedDataAndReversedPieces()
    {
        var (space, root) = Machine();
        var be = new TestOps(new AccessConstraints { Endianness = DeviceEndianness.Big }) { Base = 0 };
        root.AddSubregion(0x1000, MemoryRegion.CreateIo("be", 0x100, be));
        space.Write(A(0x1000), 0x11223344, 4, Attrs);
        Assert.Equal(["W 0 44332211 4"], be.Calls);

        var split = new TestOps(new AccessConstraints { Endianness = DeviceEndianness.Big, ImplMaxAccessSize = 2 }) { Base = 0 };
        root.AddSubregion(0x2000, MemoryRegion.CreateIo("be2", 0x100, split));
        space.Write(A(0x2000), 0x11223344, 4, Attrs);

        // adjust_endianness swaps to 0x44332211; the big-endian loop sends the high half first.
        Assert.Equal(["W 0 4433 2", "W 2 2211 2"], split.Calls);
    }

    [Fact]
    public void ReentrantAccessToTheSameOwnerIsBlockedWithAccessError()
    {
        var (space, root) = Machine();
        var owner = new object();
        var inner = new TestOps();
        var outer = new TestOps();
        MemTxResult nested = MemTxResult.Ok;
        outer.OnRead = _ =>
        {
            nested = space.Read(A(0x2000), 4, Attrs, out _);
            return MemTxResult.Ok;
        };
        root.AddSubregion(0x1000, MemoryRegion.CreateIo("outer", 0x100, outer, owner));
        root.AddSubregion(0x2000, MemoryRegion.CreateIo("inner", 0x100, inner, owner));
        var warnings = new List<string>();
        space.System.Warn = warnings.Add;
        Assert.Equal(MemTxResult.Ok, space.Read(A(0x1000), 4, Attrs, out _));
        Assert.Equal(MemTxResult.AccessError, nested);
        Assert.Empty(inner.Calls);
        Assert.Equal(["Blocked re-entrant IO on MemoryRegion: inner at addr: 0x0"], warnings);
        Assert.Equal(MemTxResult.Ok, space.Read(A(0x2000), 4, Attrs, out _));
    }

    [Fact]
    public void ReentrancyGuardCanBeDisabledPerRegion()
    {
        var (space, root) = Machine();
        var owner = new object();
        var outer = new TestOps();
        MemTxResult nested = MemTxResult.AccessError;
        outer.OnRead = _ =>
        {
            nested = space.Read(A(0x2000), 4, Attrs, out _);
            return MemTxResult.Ok;
        };
        root.AddSubregion(0x1000, MemoryRegion.CreateIo("outer", 0x100, outer, owner));
        var inner = MemoryRegion.CreateIo("inner", 0x100, new TestOps(), owner);
        inner.DisableReentrancyGuard = true;
        root.AddSubregion(0x2000, inner);
        space.Read(A(0x1000), 4, Attrs, out _);
        Assert.Equal(MemTxResult.Ok, nested);
    }

    [Fact]
    public void CpuWriteToRomIsDroppedButBufferWriteIsRejected()
    {
        var (space, root) = Machine();
        root.AddSubregion(0, MemoryRegion.CreateRom("rom", 0x1000));
        using var log = Log.Capture(LogItem.GuestErrors);
        Assert.Equal(MemTxResult.Ok, space.Write(A(0x10), 0x1234, 4, Attrs));
        Assert.Empty(log.Lines);
        Assert.Equal(MemTxResult.DecodeError, space.WriteBuffer(A(0x0), new byte[] { 1, 2, 3, 4 }, Attrs));
        Assert.Equal(["Invalid write at addr 0x0, size 4, region 'rom', reason: rejected"], log.Lines);
        space.Read(A(0x10), 4, Attrs, out var v);
        Assert.Equal(0UL, v);
    }

    [Fact]
    public void LoaderWriteRomBlobWritesRomAndSkipsIo()
    {
        var (space, root) = Machine();
        var ops = new TestOps();
        root.AddSubregion(0, MemoryRegion.CreateRom("rom", 0x10));
        root.AddSubregion(0x10, MemoryRegion.CreateIo("dev", 0x10, ops));
        var blob = Enumerable.Range(1, 0x20).Select(i => (byte)i).ToArray();
        Assert.Equal(MemTxResult.Ok, space.WriteRomBlob(A(0), blob));
        space.Read(A(0xC), 4, Attrs, out var v);
        Assert.Equal(0x100F0E0DUL, v);
        Assert.Empty(ops.Calls);
    }

    [Fact]
    public void LoaderWriteRomBlobCrossesHolesToReachRamBeyond()
    {
        var (space, root) = Machine();
        var ram = MemoryRegion.CreateRam("ram", 0x1000);
        root.AddSubregion(0x4000_0000, ram);
        var blob = new byte[0x4000_0000 + 0x10];
        blob[^1] = 0x5A;
        Assert.Equal(MemTxResult.Ok, space.WriteRomBlob(A(0), blob));
        space.Read(A(0x4000_000F), 1, Attrs, out var v);
        Assert.Equal(0x5AUL, v);
    }

    [Fact]
    public void ReadOnlyAliasDropsCpuWritesToRam()
    {
        var (space, root) = Machine();
        var ram = MemoryRegion.CreateRam("ram", 0x1000);
        var alias = MemoryRegion.CreateAlias("ro", ram, 0, 0x1000);
        alias.ReadOnly = true;
        root.AddSubregion(0, ram);
        root.AddSubregion(0x10000, alias);
        space.Write(A(0x10000), 0xFF, 1, Attrs);
        space.Write(A(0x1), 0xEE, 1, Attrs);
        space.Read(A(0x10000), 2, Attrs, out var v);
        Assert.Equal(0xEE00UL, v);
    }

    [Fact]
    public void RomDeviceInRomdModeReadsRamAndWritesThroughOps()
    {
        var (space, root) = Machine();
        var ops = new TestOps { Base = 0 };
        var flash = MemoryRegion.CreateRomDevice("flash", 0x1000, ops);
        root.AddSubregion(0, flash);
        space.WriteRomBlob(A(0), new byte[] { 0xA5 });
        space.Read(A(0), 1, Attrs, out var v);
        Assert.Equal(0xA5UL, v);
        space.Write(A(4), 7, 4, Attrs);
        Assert.Equal(["W 4 7 4"], ops.Calls);

        flash.RomdMode = false;
        space.Read(A(8), 4, Attrs, out var viaOps);
        Assert.Equal(8UL, viaOps);
        Assert.Equal("R 8 4", ops.Calls[^1]);
    }

    [Fact]
    public void BufferWriteIsSplitByAlignmentLikeAddressSpaceRw()
    {
        var (space, root) = Machine();
        var ops = new TestOps();
        root.AddSubregion(0x1000, MemoryRegion.CreateIo("dev", 0x100, ops));
        space.WriteBuffer(A(0x1002), new byte[] { 0x11, 0x22, 0x33, 0x44 }, Attrs);
        Assert.Equal(["W 2 2211 2", "W 4 4433 2"], ops.Calls);
    }

    [Fact]
    public void BufferReadCrossesRamAndUnassigned()
    {
        var (space, root) = Machine();
        root.AddSubregion(0, MemoryRegion.CreateRam("ram", 0x10));
        space.Write(A(0xC), 0xDDCCBBAA, 4, Attrs);
        var buf = new byte[8];
        Array.Fill(buf, (byte)0x55);
        using var log = Log.Capture(LogItem.GuestErrors);
        Assert.Equal(MemTxResult.DecodeError, space.ReadBuffer(A(0xC), buf, Attrs));
        Assert.Equal(new byte[] { 0xAA, 0xBB, 0xCC, 0xDD, 0, 0, 0, 0 }, buf);
        Assert.Equal(["Invalid read at addr 0x10, size 4, region '(null)', reason: rejected"], log.Lines);
    }

    [Fact]
    public void CpuAccessStraddlingTwoRamRegionsIsSplit()
    {
        var (space, root) = Machine();
        root.AddSubregion(0, MemoryRegion.CreateRam("a", 0x10));
        root.AddSubregion(0x10, MemoryRegion.CreateRam("b", 0x10));
        Assert.Equal(MemTxResult.Ok, space.Write(A(0xE), 0x44332211, 4, Attrs));
        space.Read(A(0xE), 4, Attrs, out var v);
        Assert.Equal(0x44332211UL, v);
        space.Read(A(0x10), 1, Attrs, out var b0);
        Assert.Equal(0x33UL, b0);
    }

    [Fact]
    public void DisposedRamBlockIsNeverTouched()
    {
        var (space, root) = Machine();
        var ram = MemoryRegion.CreateRam("ram", 0x1000);
        root.AddSubregion(0, ram);
        ram.RamBlock!.Dispose();
        Assert.Equal(MemTxResult.DecodeError, space.Read(A(0), 4, Attrs, out var v));
        Assert.Equal(0UL, v);
    }

    [Fact]
    public void RamAndMmioAccessesAllocateNothing()
    {
        var (space, root) = Machine();
        root.AddSubregion(0x2000_0000, MemoryRegion.CreateRam("ram", 0x10000));
        for (ulong i = 0; i < 64; i++)
        {
            root.AddSubregion(0x4000_0000 + (i * 0x1000), MemoryRegion.CreateIo("dev" + i, 0x1000, NullOps.Instance, new object()));
        }

        void Run()
        {
            for (ulong i = 0; i < 100_000; i++)
            {
                var a = 0x2000_0000 + ((i * 4) & 0xFFFC);
                space.Write(A(a), i, 4, Attrs);
                space.Read(A(a), 4, Attrs, out _);
                var m = 0x4000_0000 + ((i * 0x1004) & 0x3FFFC);
                space.Write(A(m), i, 4, Attrs);
                space.Read(A(m), 4, Attrs, out _);
            }
        }

        Run();
        var before = GC.GetAllocatedBytesForCurrentThread();
        Run();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
