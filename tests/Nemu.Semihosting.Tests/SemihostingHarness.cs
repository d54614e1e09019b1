// One ArmSemihosting with a fake CPU, captured stdio, a temporary working directory and a recorded exit request.
using System.Text;
using Nemu.Chardevs;
using Nemu.Core.Time;

namespace Nemu.Semihosting.Tests;

internal sealed class SemihostingHarness : IDisposable
{
    public SemihostingHarness(string? commandLine = null, ISemihostingMemoryLayout? layout = null, byte[]? stdin = null,
        Chardev? chardev = null, IHostTime? hostTime = null)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("nemu-semi-").FullName;
        Stdin = new MemoryStream(stdin ?? []);
        Stdio = new SemihostingStdio(Stdin, Stdout, Stderr, false, false, false);
        Semihosting = new ArmSemihosting(
            new SemihostingSettings(true, false, SemihostingBackend.Native, chardev?.Id, commandLine),
            new SemihostingEnvironment
            {
                RequestExit = code => ExitCodes.Add(code),
                Clock = Clock,
                HostTime = hostTime ?? SystemHostTime.Instance,
                MemoryLayout = layout,
                ConsoleChardev = chardev,
                Stdio = Stdio,
                WorkingDirectory = Directory,
                ProcessId = 0x1234,
            });
    }

    public FakeTarget Target { get; } = new();

    public FakeClock Clock { get; } = new();

    public ArmSemihosting Semihosting { get; }

    public MemoryStream Stdin { get; }

    public MemoryStream Stdout { get; } = new();

    public MemoryStream Stderr { get; } = new();

    public SemihostingStdio Stdio { get; }

    public List<int> ExitCodes { get; } = [];

    public string Directory { get; }

    public string StdoutText => Encoding.Latin1.GetString(Stdout.ToArray());

    public string StderrText => Encoding.Latin1.GetString(Stderr.ToArray());

    public int Errno => Semihosting.LastErrno;

    /// <summary>Makes call <paramref name="op"/> with r1 = <paramref name="r1"/>; returns r0 as a signed value.</summary>
    public int Call(uint op, uint r1, SemihostingOutcome expected = SemihostingOutcome.Completed)
    {
        Target.SetRegister(0, op);
        Target.SetRegister(1, r1);
        Assert.Equal(expected, Semihosting.Handle(Target));
        return (int)Target.GetRegister(0);
    }

    /// <summary>Makes call <paramref name="op"/> with a parameter block of <paramref name="words"/>.</summary>
    public int CallBlock(uint op, params uint[] words) => Call(op, Target.PlaceWords(words));

    public int Open(string name, uint mode) => CallBlock(SemihostingOperation.SysOpen, Target.PlaceString(name), mode, (uint)Encoding.UTF8.GetByteCount(name));

    public int Write(int fd, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return CallBlock(SemihostingOperation.SysWrite, (uint)fd, Target.Place(bytes), (uint)bytes.Length);
    }

    public int Read(int fd, int length, out byte[] data)
    {
        var buffer = Target.Place(new byte[length]);
        var notRead = CallBlock(SemihostingOperation.SysRead, (uint)fd, buffer, (uint)length);
        data = Target.Bytes(buffer, length - notRead);
        return notRead;
    }

    public void Dispose()
    {
        Semihosting.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
