using Nemu.Core;
using Nemu.Core.Logging;
using Nemu.Qdev.Registers;

namespace Nemu.Qdev.Tests.Registers;

/// <summary>Register table semantics: RW/RO/W1C/WO, masks, hooks, byte lanes, unknown offsets as guest errors.</summary>
public sealed class RegisterBlockTests
{
    private static readonly RegisterTable<Regs> Table =
        RegisterTable<Regs>.Builder("test-dev", 0x40)
            .Register(0x00, "CTRL", RegisterAccess.ReadWrite, r => ref r.Ctrl, reset: 0x10, writeMask: 0xff)
            .Register(0x04, "STATUS", RegisterAccess.ReadOnly, r => ref r.Status, reset: 0x3)
            .Register(0x08, "INTCLR", RegisterAccess.WriteOneToClear, r => ref r.Int, writeMask: 0x0f)
            .Register(0x0c, "TXDATA", RegisterAccess.WriteOnly, r => ref r.Tx, write: (r, v, p) => r.Writes.Add((v, p)))
            .Register(0x10, "RXDATA", RegisterAccess.ReadOnly, read: (r, _) => r.Pop(), readHasSideEffects: true)
            .Register(0x14, "ID", RegisterAccess.ReadOnly, reset: 0xabcd1234)
            .Register(0x18, "HALF", RegisterAccess.ReadWrite, r => ref r.Half, width: 2)
            .Register(0x1a, "BYTE", RegisterAccess.ReadWrite, r => ref r.Byte, width: 1)
            .Build();

    private readonly Regs _regs = new();
    private readonly RegisterBlock<Regs> _ops;

    public RegisterBlockTests()
    {
        _ops = Table.Bind(_regs);
        Table.Reset(_regs);
    }

    private ulong Read(ulong offset, uint size = 4)
    {
        Assert.Equal(MemTxResult.Ok, _ops.Read(offset, size, MemTxAttrs.UnspecifiedAttrs, out var value));
        return value;
    }

    private void Write(ulong offset, ulong value, uint size = 4) =>
        Assert.Equal(MemTxResult.Ok, _ops.Write(offset, value, size, MemTxAttrs.UnspecifiedAttrs));

    [Fact]
    public void ResetWritesDeclaredValuesIntoState()
    {
        Assert.Equal(0x10u, _regs.Ctrl);
        Assert.Equal(0x3u, _regs.Status);
        Assert.Equal(0xabcd1234UL, Read(0x14));
    }

    [Fact]
    public void ReadWriteStoresOnlyWritableBits()
    {
        Write(0x00, 0xffff_ff5a);
        Assert.Equal(0x5aUL, Read(0x00));
    }

    [Fact]
    public void ReadOnlyIgnoresWritesAndLogsGuestError()
    {
        using var log = Log.Capture(LogItem.GuestErrors);
        Write(0x04, 0);
        Assert.Equal(3UL, Read(0x04));
        Assert.Equal(["test-dev: write to read-only register STATUS (offset 0x4)"], log.Lines);
    }

    [Fact]
    public void WriteOneToClearClearsOnlyWrittenOnesWithinTheMask()
    {
        _regs.Int = 0xff;
        Write(0x08, 0x33);
        Assert.Equal(0xfcUL, Read(0x08));
    }

    [Fact]
    public void WriteOnlyReadsZeroLogsAndRunsWriteHookWithNewAndPrevious()
    {
        using var log = Log.Capture(LogItem.GuestErrors);
        Write(0x0c, 0x41);
        Write(0x0c, 0x42);
        Assert.Equal(0UL, Read(0x0c));
        Assert.Equal([(0x41u, 0u), (0x42u, 0x41u)], _regs.Writes);
        Assert.Equal(["test-dev: read of write-only register TXDATA (offset 0xc)"], log.Lines);
    }

    [Fact]
    public void UnknownOffsetReadReturnsZeroAndLogsBadReadOffset()
    {
        using var log = Log.Capture(LogItem.GuestErrors);
        Assert.Equal(0UL, Read(0x20));
        Assert.Equal(0UL, Read(0x100));
        Assert.Equal(["test-dev: bad read offset 0x20", "test-dev: bad read offset 0x100"], log.Lines);
    }

    [Fact]
    public void UnknownOffsetWriteIsIgnoredAndLogsBadWriteOffset()
    {
        using var log = Log.Capture(LogItem.GuestErrors);
        Write(0x24, 0xffffffff);
        Write(ulong.MaxValue - 1, 1, 4);
        Assert.Equal(["test-dev: bad write offset 0x24", "test-dev: bad write offset 0xfffffffffffffffe"], log.Lines);
        Assert.Equal(0x10u, _regs.Ctrl);
    }

    [Fact]
    public void GuestErrorsAreSilentWhenTheLogItemIsOff()
    {
        using var log = Log.Capture(LogItem.Unimp);
        Assert.Equal(0UL, Read(0x20));
        Assert.Empty(log.Lines);
    }

    [Fact]
    public void SubWordReadsSelectByteLanes()
    {
        Assert.Equal(0x34UL, Read(0x14, 1));
        Assert.Equal(0xabUL, Read(0x17, 1));
        Assert.Equal(0xabcdUL, Read(0x16, 2));
    }

    [Fact]
    public void SubWordWriteChangesOnlyItsLanes()
    {
        _regs.Int = 0x0f;
        Write(0x08, 0x01, 1);
        Assert.Equal(0x0eu, _regs.Int);
        Write(0x09, 0xff, 1);
        Assert.Equal(0x0eu, _regs.Int);
        Write(0x00, 0x77, 1);
        Write(0x01, 0x11, 1);
        Assert.Equal(0x77u, _regs.Ctrl);
    }

    [Fact]
    public void AccessSpanningNarrowRegistersIsSplitPerRegister()
    {
        Write(0x18, 0x00_99_beef);
        Assert.Equal(0xbeefu, _regs.Half);
        Assert.Equal(0x99u, _regs.Byte);
        using var log = Log.Capture(LogItem.GuestErrors);
        Assert.Equal(0x0099beefUL, Read(0x18));
        Assert.Equal(["test-dev: bad read offset 0x18"], log.Lines);
    }

    [Fact]
    public void EightByteReadComposesTwoRegistersLittleEndian()
    {
        _regs.Ctrl = 0x11;
        Assert.Equal(0x0000_0003_0000_0011UL, Read(0x00, 8));
    }

    [Fact]
    public void ReadHookWithSideEffectsIsSkippedByPeek()
    {
        _regs.Fifo.Enqueue(7);
        _regs.Fifo.Enqueue(8);
        Assert.Equal(0UL, _ops.Peek(0x10, 4));
        Assert.Equal(7UL, Read(0x10));
        Assert.Equal(0x3UL, _ops.Peek(0x04, 4));
        Assert.Single(_regs.Fifo);
    }

    [Fact]
    public void OverlappingOrMisplacedRegistersAreRejectedAtBuild()
    {
        Assert.Throws<ArgumentException>(() => RegisterTable<Regs>.Builder("x", 0x10)
            .Register(0x0, "A", RegisterAccess.ReadWrite).Register(0x2, "B", RegisterAccess.ReadWrite, width: 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => RegisterTable<Regs>.Builder("x", 0x10).Register(0x10, "A", RegisterAccess.ReadWrite));
        Assert.Throws<ArgumentOutOfRangeException>(() => RegisterTable<Regs>.Builder("x", 0x10).Register(0x2, "A", RegisterAccess.ReadWrite));
    }

    [Fact]
    public void TableExposesRegistersByOffsetForTheMonitor()
    {
        Assert.Equal("INTCLR", Table.Find(0x0a)!.Name);
        Assert.Null(Table.Find(0x30));
        Assert.Equal(8, Table.Registers.Count);
        Assert.Equal(4u, _ops.Constraints.ImplMaxAccessSize);
    }

    private sealed class Regs
    {
        public uint Ctrl;
        public uint Status;
        public uint Int;
        public uint Tx;
        public uint Half;
        public uint Byte;
        public Queue<uint> Fifo = new();
        public List<(uint, uint)> Writes = [];

        public uint Pop() => Fifo.Count != 0 ? Fifo.Dequeue() : 0;
    }
}
