// The call sequence of Firmware/semi.c replayed against ArmSemihosting with the fake CPU, producing the same
// console text, so it can be compared with QEMU 7.2's recording (Recordings/semihosting-qemu-7.2.json) before
// Nemu's CPU can run semi.elf itself. Keep it in step with semi.c (same order, same labels).
using System.Text;
using static Nemu.Semihosting.SemihostingOperation;

namespace Nemu.Semihosting.Tests.Differential;

internal sealed class RecordedProgram(SemihostingHarness h)
{
    private readonly uint _buf = h.Target.Place(new byte[160]);

    public void Run(string scenario)
    {
        Put("hello from semihosting\n");
        h.Call(SysWriteC, h.Target.Place("X"u8));
        Report("writec", h.Call(SysWriteC, h.Target.Place("\n"u8)));
        Report("write0", h.Call(SysWrite0, h.Target.PlaceString("w0\n")));
        Report("write0-bad", h.Call(SysWrite0, FakeTarget.BadAddress));
        var block = h.Target.PlaceWords(_buf, 160);
        Report("cmdline", h.Call(SysGetCmdline, block));
        var length = (int)h.Target.Word(block + 4);
        Put($"cmdline-len={length}\n");
        ShowBuf("cmdline-text", length);
        Report("cmdline-small", h.CallBlock(SysGetCmdline, _buf, 4));
        var info = h.Target.Place(new byte[16]);
        Report("heapinfo", h.Call(SysHeapInfo, h.Target.PlaceWords(info)));
        for (var i = 0u; i < 4; i++)
        {
            Put($"heapinfo[{i}]=0x{h.Target.Word(info + (i * 4)):x}\n");
        }

        Report("heapinfo-bad", h.Call(SysHeapInfo, h.Target.PlaceWords(FakeTarget.BadAddress)));
        Features();
        Tt();
        Files();
        Misc();
        Report("errno-final", h.Call(SysErrno, 0));
        var outcome = scenario switch
        {
            "exit1" => Exit("exiting via SYS_EXIT 0x20023\n", SysExit, 0x20023),
            "ext7" => Exit("exiting via SYS_EXIT_EXTENDED 7\n", SysExitExtended, h.Target.PlaceWords(0x20026, 7)),
            "extbad" => Exit("exiting via SYS_EXIT_EXTENDED reason 0x20023\n", SysExitExtended, h.Target.PlaceWords(0x20023, 7)),
            "unsupported" => Exit("calling op 0x99\n", 0x99, 0),
            _ => SemihostingOutcome.Completed,
        };
        if (outcome == SemihostingOutcome.Completed)
        {
            Exit("exiting via SYS_EXIT 0x20026\n", SysExit, 0x20026);
        }
    }

    private SemihostingOutcome Exit(string message, uint op, uint r1)
    {
        Put(message);
        h.Target.SetRegister(0, op);
        h.Target.SetRegister(1, r1);
        return h.Semihosting.Handle(h.Target);
    }

    private void Features()
    {
        var fd = Open(":semihosting-features", 0);
        Report("features-open", fd);
        Report("features-read", ReadBuf(fd, 16));
        ShowBuf("features-data", 5);
        Report("features-flen", h.CallBlock(SysFlen, (uint)fd));
        Report("features-seek2", h.CallBlock(SysSeek, (uint)fd, 2));
        Report("features-read2", ReadBuf(fd, 16));
        ShowBuf("features-data2", 3);
        Report("features-seek6", h.CallBlock(SysSeek, (uint)fd, 6));
        Report("features-istty", h.CallBlock(SysIsTty, (uint)fd));
        Report("features-write", h.Write(fd, "no"));
        Report("features-close", h.CallBlock(SysClose, (uint)fd));
        Report("features-open-w", Open(":semihosting-features", 4));
        Report("open-mode12", Open("semi_test.txt", 12));
        Report("open-missing", Open("no_such_file.txt", 0));
    }

    private void Tt()
    {
        int input = Open(":tt", 0), output = Open(":tt", 4), error = Open(":tt", 8);
        Report("tt-in", input);
        Report("tt-out", output);
        Report("tt-err", error);
        Report("tt-write-out", h.Write(output, "to stdout via :tt\n"));
        Report("tt-write-err", h.Write(error, "to stderr via :tt\n"));
        Report("tt-read-in", ReadBuf(input, 8));
        Report("tt-write-bad-buf", h.CallBlock(SysWrite, (uint)output, FakeTarget.BadAddress, 4));
        Report("tt-close-out", h.CallBlock(SysClose, (uint)output));
        Report("tt-write-closed", h.Write(output, "lost\n"));
        Report("tt-out-again", Open(":tt", 5));
        Report("tt-stdout-still-open", h.Write(output, "stdout still open\n"));
        h.CallBlock(SysClose, (uint)output);
        h.CallBlock(SysClose, (uint)input);
        h.CallBlock(SysClose, (uint)error);
    }

    private void Files()
    {
        var fd = Open("semi_test.txt", 4);
        Report("file-open-w", fd);
        Report("file-write", h.Write(fd, "Hello, file!\n"));
        Report("file-flen", h.CallBlock(SysFlen, (uint)fd));
        Report("file-seek7", h.CallBlock(SysSeek, (uint)fd, 7));
        Report("file-write2", h.Write(fd, "FILE"));
        Report("file-close", h.CallBlock(SysClose, (uint)fd));
        Report("file-close-again", h.CallBlock(SysClose, (uint)fd));
        fd = Open("semi_test.txt", 1);
        Report("file-open-r", fd);
        Report("file-read", ReadBuf(fd, 32));
        ShowBuf("file-data", 13);
        Report("file-seek100", h.CallBlock(SysSeek, (uint)fd, 100));
        Report("file-read-eof", ReadBuf(fd, 4));
        Report("file-istty", h.CallBlock(SysIsTty, (uint)fd));
        Report("file-write-ro", h.Write(fd, "x"));
        Report("file-flen2", h.CallBlock(SysFlen, (uint)fd));
        h.CallBlock(SysClose, (uint)fd);
        fd = Open("semi_test.txt", 8);
        Report("file-open-a", fd);
        Report("file-append", h.Write(fd, "++\n"));
        h.CallBlock(SysClose, (uint)fd);
        fd = Open("semi_test.txt", 0);
        Report("file-read-after-append", ReadBuf(fd, 32));
        ShowBuf("file-data3", 16);
        Report("file-flen3", h.CallBlock(SysFlen, (uint)fd));
        h.CallBlock(SysClose, (uint)fd);
        Report("file-open-rplus-missing", Open("semi_missing.txt", 2));
        fd = Open("semi_w.txt", 6);
        Report("file-open-wplus", fd);
        Report("file-wplus-write", h.Write(fd, "abc"));
        Report("file-wplus-seek0", h.CallBlock(SysSeek, (uint)fd, 0));
        Report("file-wplus-read", ReadBuf(fd, 3));
        ShowBuf("file-wplus-data", 3);
        h.CallBlock(SysClose, (uint)fd);
        Report("file-open-badlen", h.CallBlock(SysOpen, h.Target.PlaceString("semi_test.txt"), 0, 4));
        Report("rename", h.CallBlock(SysRename, h.Target.PlaceString("semi_w.txt"), 10, h.Target.PlaceString("semi_renamed.txt"), 16));
        Report("rename-missing", h.CallBlock(SysRename, h.Target.PlaceString("semi_w.txt"), 10, h.Target.PlaceString("semi_x.txt"), 10));
        Report("remove", h.CallBlock(SysRemove, h.Target.PlaceString("semi_renamed.txt"), 16));
        Report("remove-missing", h.CallBlock(SysRemove, h.Target.PlaceString("semi_renamed.txt"), 16));
        Report("open-bad-block", h.Call(SysOpen, FakeTarget.BadAddress));
        Report("open-bad-name", h.CallBlock(SysOpen, FakeTarget.BadAddress, 0, 3));
        Report("close-bad-fd", h.CallBlock(SysClose, 99));
        Report("istty-bad-fd", h.CallBlock(SysIsTty, 99));
        Report("seek-bad-fd", h.CallBlock(SysSeek, 99, 0));
        Report("flen-bad-fd", h.CallBlock(SysFlen, 99));
        Report("read-bad-fd", h.CallBlock(SysRead, 99, _buf, 5));
    }

    private void Misc()
    {
        Report("iserror-neg", h.CallBlock(SysIsError, 0xffffffff));
        Report("iserror-pos", h.CallBlock(SysIsError, 5));
        Report("tickfreq", h.Call(SysTickFreq, 0));
        var block = h.Target.PlaceWords(0xffffffff, 0xffffffff);
        var r = h.Call(SysElapsed, block);
        Put($"elapsed r={r}{(h.Target.Word(block + 4) < 16 ? " hi-small\n" : " hi-large\n")}");
        Report("elapsed-bad", h.Call(SysElapsed, FakeTarget.BadAddress));
        Put((uint)h.Call(SysClock, 0) < 100000u ? "clock small\n" : "clock large\n");
        Put((uint)h.Call(SysTime, 0) > 1600000000u ? "time plausible\n" : "time implausible\n");
        h.Target.WriteMemory(_buf, new byte[160]);
        Report("tmpnam", h.CallBlock(SysTmpNam, _buf, 0x2a, 160));
        var name = Encoding.ASCII.GetString(h.Target.Bytes(_buf, 160)).TrimEnd('\0');
        Put(name.StartsWith("/tmp/qemu-", StringComparison.Ordinal) ? "tmpnam-prefix /tmp/qemu-\n" : "tmpnam-prefix other\n");
        Put($"tmpnam-last2={name[^2..]}\n");
        Report("tmpnam-small", h.CallBlock(SysTmpNam, _buf, 1, 4));
        Report("system-true", h.CallBlock(SysSystem, h.Target.PlaceString("true"), 4));
        Report("system-exit3", h.CallBlock(SysSystem, h.Target.PlaceString("exit 3"), 6));
    }

    private int Open(string name, uint mode) => h.Open(name, mode);

    private int ReadBuf(int fd, int length)
    {
        h.Target.WriteMemory(_buf, new byte[160]);
        return h.CallBlock(SysRead, (uint)fd, _buf, (uint)length);
    }

    private void Put(string text) => h.Call(SysWrite0, h.Target.PlaceString(text));

    private void Report(string what, int r) => Put($"{what} r={r} errno={h.Call(SysErrno, 0)}\n");

    private void ShowBuf(string what, int n)
    {
        var sb = new StringBuilder($"{what} [");
        foreach (var b in h.Target.Bytes(_buf, n))
        {
            sb.Append(b is >= 0x20 and < 0x7f and not (byte)'\\' ? ((char)b).ToString() : $"\\0x{b:x}");
        }

        Put(sb.Append("]\n").ToString());
    }
}
