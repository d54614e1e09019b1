// Behaviour of the console, time, exit and memory-layout operations (management.md §7, mprofile.md §6.2).
using System.Text;
using Nemu.Core.Time;
using static Nemu.Semihosting.SemihostingOperation;

namespace Nemu.Semihosting.Tests;

public sealed class ArmSemihostingTests
{
    [Fact]
    public void Write0AndWriteCGoToStderrWithoutAChardevAndReturnDeadbeef()
    {
        using var h = new SemihostingHarness();
        Assert.Equal(unchecked((int)NoResult), h.Call(SysWrite0, h.Target.PlaceString("hello\n")));
        Assert.Equal(unchecked((int)NoResult), h.Call(SysWriteC, h.Target.Place("X"u8)));
        Assert.Equal(unchecked((int)NoResult), h.Call(SysWrite0, FakeTarget.BadAddress));
        Assert.Equal("hello\nX", h.StderrText);
        Assert.Equal(string.Empty, h.StdoutText);
        Assert.Equal(0, h.Errno);
    }

    [Fact]
    public void ReadCWithoutAChardevReadsHostStdin()
    {
        using var h = new SemihostingHarness(stdin: "a"u8.ToArray());
        Assert.Equal('a', h.Call(SysReadC, 0));
        Assert.Equal(-1, h.Call(SysReadC, 0));
    }

    [Fact]
    public void IsErrorIsTrueForNegativeValues()
    {
        using var h = new SemihostingHarness();
        Assert.Equal(1, h.CallBlock(SysIsError, 0xffffffff));
        Assert.Equal(0, h.CallBlock(SysIsError, 5));
    }

    [Fact]
    public void ErrnoKeepsTheLastFailureUntilTheNextOne()
    {
        using var h = new SemihostingHarness();
        Assert.Equal(0, h.Call(SysErrno, 0));
        h.Open("missing", 0);
        Assert.Equal(SemihostingErrno.ENoEnt, h.Call(SysErrno, 0));
        h.Open(":tt", 4);
        Assert.Equal(SemihostingErrno.ENoEnt, h.Call(SysErrno, 0));
    }

    [Fact]
    public void GetCmdlineCopiesTheLineAndStoresItsLength()
    {
        using var h = new SemihostingHarness(commandLine: "semi.elf exit0");
        var buffer = h.Target.Place(new byte[32]);
        var block = h.Target.PlaceWords(buffer, 32);
        Assert.Equal(0, h.Call(SysGetCmdline, block));
        Assert.Equal(14u, h.Target.Word(block + 4));
        Assert.Equal("semi.elf exit0\0", Encoding.ASCII.GetString(h.Target.Bytes(buffer, 15)));
        Assert.Equal(-1, h.CallBlock(SysGetCmdline, buffer, 14));
        Assert.Equal(SemihostingErrno.E2Big, h.Errno);
    }

    [Fact]
    public void GetCmdlineWithoutACommandLineIsEmpty()
    {
        using var h = new SemihostingHarness();
        var block = h.Target.PlaceWords(h.Target.Place(new byte[4]), 1);
        Assert.Equal(0, h.Call(SysGetCmdline, block));
        Assert.Equal(0u, h.Target.Word(block + 4));
    }

    [Fact]
    public void HeapInfoFillsTheBlockThePointerNames()
    {
        var layout = new FixedLayout([new(0, 0x40_0000), new(0x2100_0000, 0x100_0000)], [new(0, 0x13bc)]);
        using var h = new SemihostingHarness(layout: layout);
        var info = h.Target.Place(new byte[16]);
        Assert.Equal(0, h.Call(SysHeapInfo, h.Target.PlaceWords(info)));
        uint[] words = [h.Target.Word(info), h.Target.Word(info + 4), h.Target.Word(info + 8), h.Target.Word(info + 12)];
        Assert.Equal(new uint[] { 0x2100_0000, 0x2200_0000, 0x2200_0000, 0x2100_0000 }, words);
    }

    [Fact]
    public void ResultWritesToUnmappedMemoryAreIgnoredAsInQemu72()
    {
        using var h = new SemihostingHarness();
        Assert.Equal(0, h.Call(SysHeapInfo, h.Target.PlaceWords(FakeTarget.BadAddress)));
        Assert.Equal(0, h.Call(SysElapsed, FakeTarget.BadAddress));
        Assert.Equal(0, h.Errno);
    }

    [Fact]
    public void FaultingParameterBlocksGiveMinusOneAndEfault()
    {
        using var h = new SemihostingHarness();
        Assert.Equal(-1, h.Call(SysOpen, FakeTarget.BadAddress));
        Assert.Equal(SemihostingErrno.EFault, h.Errno);
        Assert.Equal(-1, h.CallBlock(SysOpen, FakeTarget.BadAddress, 0, 3));
        Assert.Equal(-1, h.Call(SysHeapInfo, FakeTarget.BadAddress));
        Assert.Equal(-1, h.Call(SysExitExtended, FakeTarget.BadAddress));
        Assert.Equal(SemihostingErrno.EFault, h.Errno);
        Assert.Empty(h.ExitCodes);
    }

    [Fact]
    public void WriteFromAFaultingBufferTransfersNothing()
    {
        using var h = new SemihostingHarness();
        var fd = h.Open(":tt", 4);
        Assert.Equal(4, h.CallBlock(SysWrite, (uint)fd, FakeTarget.BadAddress, 4));
        Assert.Equal(0, h.Errno);
    }

    [Theory]
    [InlineData(0x20026u, 0)]
    [InlineData(0x20023u, 1)]
    [InlineData(0u, 1)]
    public void ExitTakesTheReasonInR1(uint reason, int status)
    {
        using var h = new SemihostingHarness();
        h.Call(SysExit, reason, SemihostingOutcome.Stopped);
        Assert.Equal([status], h.ExitCodes);
    }

    [Theory]
    [InlineData(0x20026u, 7u, 7)]
    [InlineData(0x20026u, 0u, 0)]
    [InlineData(0x20023u, 7u, 1)]
    public void ExitExtendedUsesTheSubcodeOnlyForApplicationExit(uint reason, uint code, int status)
    {
        using var h = new SemihostingHarness();
        h.Call(SysExitExtended, h.Target.PlaceWords(reason, code), SemihostingOutcome.Stopped);
        Assert.Equal([status], h.ExitCodes);
    }

    [Fact]
    public void CallsAfterAnExitRequestDoNothingSoTheFirstExitStatusStands()
    {
        // libgloss's _kill_shared: SYS_EXIT_EXTENDED {ApplicationExit, 3}, then (were it to return) SYS_EXIT with
        // r1 = 0x20026, which read as a block pointer would give status 1.
        using var h = new SemihostingHarness();
        h.Call(SysExitExtended, h.Target.PlaceWords(0x20026u, 3u), SemihostingOutcome.Stopped);
        h.Call(SysExit, 0x20026u, SemihostingOutcome.Stopped);
        h.Call(SysExitExtended, 0x20026u, SemihostingOutcome.Stopped);
        h.Call(SysWrite0, h.Target.PlaceString("late\n"), SemihostingOutcome.Stopped);
        Assert.Equal([3], h.ExitCodes);
        Assert.Equal(string.Empty, h.StderrText);
    }

    [Fact]
    public void ElapsedCountsVirtualNanosecondsInTwoWordsAndTickFreqIsOneGigahertz()
    {
        using var h = new SemihostingHarness();
        h.Clock.NowNs = 0x1_2345_6789;
        var block = h.Target.Place(new byte[8]);
        Assert.Equal(0, h.Call(SysElapsed, block));
        Assert.Equal(0x2345_6789u, h.Target.Word(block));
        Assert.Equal(1u, h.Target.Word(block + 4));
        Assert.Equal(1_000_000_000, h.Call(SysTickFreq, 0));
        Assert.Equal(488, h.Call(SysClock, 0));
    }

    [Fact]
    public void TimeIsHostSecondsSinceTheEpoch()
    {
        using var h = new SemihostingHarness(hostTime: new ManualHostTime(0, 1_700_000_000_500_000_000));
        Assert.Equal(1_700_000_000, h.Call(SysTime, 0));
    }

    [Theory]
    [InlineData(0x99u, "0x99")]
    [InlineData(SysSyncCache, "0x19")]
    [InlineData(0x14u, "0x14")]
    public void UnsupportedCallsPrintQemusMessageAndRequestExitOne(uint op, string text)
    {
        using var h = new SemihostingHarness();
        h.Call(op, 0, SemihostingOutcome.Stopped);
        Assert.StartsWith($"qemu: Unsupported SemiHosting SWI {text}\nR00=", h.StderrText);
        Assert.Equal([1], h.ExitCodes);
    }

    private sealed class FixedLayout(IReadOnlyList<GuestRange> ram, IReadOnlyList<GuestRange> blobs) : ISemihostingMemoryLayout
    {
        public IReadOnlyList<GuestRange> GetWritableRamRanges() => ram;

        public IReadOnlyList<GuestRange> GetRomBlobs() => blobs;
    }
}
