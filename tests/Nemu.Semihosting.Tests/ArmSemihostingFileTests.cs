// Behaviour of the file operations (management.md §7.2; QEMU 7.2 observed, see Recordings/).
using System.Text;
using static Nemu.Semihosting.SemihostingOperation;

namespace Nemu.Semihosting.Tests;

public sealed class ArmSemihostingFileTests
{
    [Fact]
    public void GuestFdsStartAtOneAndReuseTheLowestFreeSlot()
    {
        using var h = new SemihostingHarness();
        Assert.Equal(1, h.Open(":tt", 0));
        Assert.Equal(2, h.Open(":tt", 4));
        Assert.Equal(3, h.Open(":tt", 8));
        Assert.Equal(0, h.CallBlock(SysClose, 2));
        Assert.Equal(2, h.Open(":semihosting-features", 0));
        Assert.Equal(4, h.Open(":tt", 4));
    }

    [Fact]
    public void TtModesMapToStdinStdoutAndStderr()
    {
        using var h = new SemihostingHarness(stdin: "in"u8.ToArray());
        var input = h.Open(":tt", 3);
        var output = h.Open(":tt", 7);
        var error = h.Open(":tt", 11);
        Assert.Equal(0, h.Write(output, "to stdout\n"));
        Assert.Equal(0, h.Write(error, "to stderr\n"));
        Assert.Equal(6, h.Read(input, 8, out var data));
        Assert.Equal("in"u8.ToArray(), data);
        Assert.Equal("to stdout\n", h.StdoutText);
        Assert.Equal("to stderr\n", h.StderrText);
    }

    [Fact]
    public void ClosingTtLeavesTheHostStreamOpen()
    {
        using var h = new SemihostingHarness();
        var output = h.Open(":tt", 4);
        Assert.Equal(0, h.CallBlock(SysClose, (uint)output));
        Assert.Equal(5, h.Write(output, "lost\n"));
        var again = h.Open(":tt", 5);
        Assert.Equal(0, h.Write(again, "kept\n"));
        Assert.Equal("kept\n", h.StdoutText);
    }

    [Fact]
    public void FeaturesFileHoldsShfbAndExitExtendedPlusStdoutStderrBits()
    {
        using var h = new SemihostingHarness();
        var fd = h.Open(":semihosting-features", 1);
        Assert.Equal(11, h.Read(fd, 16, out var data));
        Assert.Equal(new byte[] { 0x53, 0x48, 0x46, 0x42, 0x03 }, data);
        Assert.Equal(5, h.CallBlock(SysFlen, (uint)fd));
        Assert.Equal(0, h.CallBlock(SysSeek, (uint)fd, 2));
        Assert.Equal(13, h.Read(fd, 16, out data));
        Assert.Equal("FB\x03"u8.ToArray(), data);
        Assert.Equal(-1, h.CallBlock(SysSeek, (uint)fd, 6));
        Assert.Equal(SemihostingErrno.EInval, h.Errno);
        Assert.Equal(0, h.CallBlock(SysIsTty, (uint)fd));
        Assert.Equal(SemihostingErrno.ENoTty, h.Errno);
        Assert.Equal(2, h.Write(fd, "no"));
        Assert.Equal(0, h.CallBlock(SysClose, (uint)fd));
    }

    [Theory]
    [InlineData(2u)]
    [InlineData(4u)]
    [InlineData(11u)]
    public void FeaturesFileOpensOnlyForReading(uint mode)
    {
        using var h = new SemihostingHarness();
        Assert.Equal(-1, h.Open(":semihosting-features", mode));
        Assert.Equal(SemihostingErrno.EAccess, h.Errno);
    }

    [Fact]
    public void ModeTwelveOrAboveIsEinval()
    {
        using var h = new SemihostingHarness();
        Assert.Equal(-1, h.Open("x.txt", 12));
        Assert.Equal(SemihostingErrno.EInval, h.Errno);
    }

    [Fact]
    public void WriteSeekFlenAndReadBackThroughAHostFile()
    {
        using var h = new SemihostingHarness();
        var fd = h.Open("semi_test.txt", 4);
        Assert.Equal(1, fd);
        Assert.Equal(0, h.Write(fd, "Hello, file!\n"));
        Assert.Equal(13, h.CallBlock(SysFlen, (uint)fd));
        Assert.Equal(0, h.CallBlock(SysSeek, (uint)fd, 7));
        Assert.Equal(0, h.Write(fd, "FILE"));
        Assert.Equal(0, h.CallBlock(SysClose, (uint)fd));
        Assert.Equal("Hello, FILE!\n", File.ReadAllText(Path.Combine(h.Directory, "semi_test.txt")));

        fd = h.Open("semi_test.txt", 1);
        Assert.Equal(19, h.Read(fd, 32, out var data));
        Assert.Equal("Hello, FILE!\n", Encoding.ASCII.GetString(data));
        Assert.Equal(0, h.CallBlock(SysSeek, (uint)fd, 100));
        Assert.Equal(4, h.Read(fd, 4, out _));
        Assert.Equal(1, h.Write(fd, "x"));
        Assert.Equal(0, h.CallBlock(SysIsTty, (uint)fd));
    }

    [Fact]
    public void AppendModeWritesAtOffsetZeroAsQemu72Does()
    {
        using var h = new SemihostingHarness();
        File.WriteAllText(Path.Combine(h.Directory, "f.txt"), "Hello, FILE!\n");
        var fd = h.Open("f.txt", 8);
        Assert.Equal(0, h.Write(fd, "++\n"));
        h.CallBlock(SysClose, (uint)fd);
        Assert.Equal("++\nlo, FILE!\n", File.ReadAllText(Path.Combine(h.Directory, "f.txt")));
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void WriteModeTruncatesAndCreatesWith0644()
    {
        using var h = new SemihostingHarness();
        var path = Path.Combine(h.Directory, "t.txt");
        File.WriteAllText(path, "old contents");
        var fd = h.Open("t.txt", 6);
        Assert.Equal(0, h.CallBlock(SysFlen, (uint)fd));
        var created = h.Open("new.txt", 5);
        Assert.True(created > 0);
        var mode = File.GetUnixFileMode(Path.Combine(h.Directory, "new.txt"));
        Assert.Equal(UnixFileMode.None, mode & (UnixFileMode.UserExecute | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite));
    }

    [Fact]
    public void MissingFilesGiveEnoentForReadAndReadWriteModes()
    {
        using var h = new SemihostingHarness();
        Assert.Equal(-1, h.Open("missing.txt", 0));
        Assert.Equal(SemihostingErrno.ENoEnt, h.Errno);
        Assert.Equal(-1, h.Open("missing.txt", 2));
        Assert.Equal(SemihostingErrno.ENoEnt, h.Errno);
    }

    [Fact]
    public void NameLengthMustPointAtTheTerminatingNul()
    {
        using var h = new SemihostingHarness();
        File.WriteAllText(Path.Combine(h.Directory, "semi_test.txt"), "x");
        Assert.Equal(-1, h.CallBlock(SysOpen, h.Target.PlaceString("semi_test.txt"), 0, 4));
        Assert.Equal(SemihostingErrno.EInval, h.Errno);
    }

    [Fact]
    public void BadFdsGiveEbadfExceptReadAndWriteWhichLeaveErrnoAlone()
    {
        using var h = new SemihostingHarness();
        Assert.Equal(-1, h.CallBlock(SysClose, 99));
        Assert.Equal(SemihostingErrno.EBadF, h.Errno);
        h.Open("missing.txt", 0);
        Assert.Equal(-1, h.CallBlock(SysIsTty, 99));
        Assert.Equal(SemihostingErrno.EBadF, h.Errno);
        h.Open("missing.txt", 0);
        Assert.Equal(-1, h.CallBlock(SysSeek, 99, 0));
        Assert.Equal(-1, h.CallBlock(SysFlen, 99));
        h.Open("missing.txt", 0);
        Assert.Equal(5, h.CallBlock(SysRead, 99, h.Target.Place(new byte[5]), 5));
        Assert.Equal(3, h.Write(99, "abc"));
        Assert.Equal(SemihostingErrno.ENoEnt, h.Errno);
    }

    [Fact]
    public void RenameAndRemoveReportEnoentForMissingFiles()
    {
        using var h = new SemihostingHarness();
        File.WriteAllText(Path.Combine(h.Directory, "a.txt"), "a");
        Assert.Equal(0, h.CallBlock(SysRename, h.Target.PlaceString("a.txt"), 5, h.Target.PlaceString("b.txt"), 5));
        Assert.True(File.Exists(Path.Combine(h.Directory, "b.txt")));
        Assert.Equal(-1, h.CallBlock(SysRename, h.Target.PlaceString("a.txt"), 5, h.Target.PlaceString("c.txt"), 5));
        Assert.Equal(SemihostingErrno.ENoEnt, h.Errno);
        Assert.Equal(0, h.CallBlock(SysRemove, h.Target.PlaceString("b.txt"), 5));
        Assert.False(File.Exists(Path.Combine(h.Directory, "b.txt")));
        h.CallBlock(SysClose, 99);
        Assert.Equal(-1, h.CallBlock(SysRemove, h.Target.PlaceString("b.txt"), 5));
        Assert.Equal(SemihostingErrno.ENoEnt, h.Errno);
    }

    [Fact]
    public void RemoveAndRenameHaveTheHostCallsSemanticsAndErrno()
    {
        // QEMU's host_remove is remove(3) (empty directories too) and host_rename is rename(2) (replaces an empty
        // directory); errno is the host's: ENOTEMPTY, ENOTDIR, EISDIR.
        using var h = new SemihostingHarness();
        File.WriteAllText(Path.Combine(h.Directory, "f.txt"), "f");
        Directory.CreateDirectory(Path.Combine(h.Directory, "full", "inner"));
        Directory.CreateDirectory(Path.Combine(h.Directory, "empty"));
        Directory.CreateDirectory(Path.Combine(h.Directory, "src"));

        Assert.Equal(-1, h.CallBlock(SysRemove, h.Target.PlaceString("full"), 4));
        Assert.Equal(SemihostingErrno.ENotEmpty, h.Errno);
        Assert.Equal(-1, h.CallBlock(SysRemove, h.Target.PlaceString("f.txt/x"), 7));
        Assert.Equal(SemihostingErrno.ENotDir, h.Errno);
        Assert.Equal(-1, h.CallBlock(SysRename, h.Target.PlaceString("f.txt"), 5, h.Target.PlaceString("full"), 4));
        Assert.Equal(SemihostingErrno.EIsDir, h.Errno);

        Assert.Equal(0, h.CallBlock(SysRename, h.Target.PlaceString("src"), 3, h.Target.PlaceString("empty"), 5));
        Assert.False(Directory.Exists(Path.Combine(h.Directory, "src")));
        Assert.Equal(0, h.CallBlock(SysRemove, h.Target.PlaceString("empty"), 5));
        Assert.False(Directory.Exists(Path.Combine(h.Directory, "empty")));
    }

    [Fact]
    public void IsTtyOfAHostFileAsksTheHostAndReportsEnotty()
    {
        using var h = new SemihostingHarness();
        File.WriteAllText(Path.Combine(h.Directory, "f.txt"), "f");
        var fd = h.Open("f.txt", 0);
        Assert.Equal(0, h.CallBlock(SysIsTty, (uint)fd));
        Assert.Equal(SemihostingErrno.ENoTty, h.Errno);
        var devNull = h.Open("/dev/null", 0);
        h.CallBlock(SysClose, 99);
        Assert.Equal(0, h.CallBlock(SysIsTty, (uint)devNull));
        Assert.Equal(SemihostingErrno.ENoTty, h.Errno);
    }

    [Fact]
    public void SystemReturnsTheWaitStatus()
    {
        using var h = new SemihostingHarness();
        Assert.Equal(0, h.CallBlock(SysSystem, h.Target.PlaceString("true"), 4));
        Assert.Equal(0x300, h.CallBlock(SysSystem, h.Target.PlaceString("exit 3"), 6));
    }

    [Fact]
    public void TmpnamUsesQemusSlashTmpQemuPidIdFormat()
    {
        using var h = new SemihostingHarness();
        var buffer = h.Target.Place(new byte[64]);
        Assert.Equal(0, h.CallBlock(SysTmpNam, buffer, 0x12a, 64));
        Assert.Equal("/tmp/qemu-12342a\0", Encoding.ASCII.GetString(h.Target.Bytes(buffer, 17)));
        h.CallBlock(SysClose, 99);
        Assert.Equal(-1, h.CallBlock(SysTmpNam, buffer, 1, 16));
        Assert.Equal(SemihostingErrno.EBadF, h.Errno);
    }
}
