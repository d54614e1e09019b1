// The fd-based backends (management.md §6.1): file output reaches the file at once (so nothing is
// lost if the process ends), file input-path and stdin end with Closed, pipe uses PATH.in/PATH.out.
using System.Diagnostics;
using System.Text;
using Nemu.Chardevs.Backends;
using Nemu.Chardevs.Tests.TestSupport;
using Nemu.Core.Interop;

namespace Nemu.Chardevs.Tests.Backends;

public sealed class FdChardevTests : IDisposable
{
    private readonly TestMainLoop _loop = new();
    private readonly TestPaths _paths = new();

    [Fact]
    public void FileWritesAreInTheFileBeforeTheChardevIsClosed()
    {
        var path = _paths.New(".log");
        using var chardev = FileChardev.Open("f0", _loop, path);
        Assert.Equal("file", chardev.Filename);
        Assert.Equal(6, chardev.Write("hello\n"u8));
        Assert.Equal(5, chardev.Write("world"u8));

        using var reader = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var text = new StreamReader(reader);
        Assert.Equal("hello\nworld", text.ReadToEnd());
    }

    [Fact]
    public void FileTruncatesUnlessAppendIsOn()
    {
        var path = _paths.New(".log");
        File.WriteAllText(path, "old;");
        using (var appending = FileChardev.Open("f0", _loop, path, append: true))
        {
            appending.Write("new"u8);
        }

        Assert.Equal("old;new", File.ReadAllText(path));
        using (var truncating = FileChardev.Open("f1", _loop, path))
        {
            truncating.Write("x"u8);
        }

        Assert.Equal("x", File.ReadAllText(path));
    }

    [Fact]
    public void FileInputPathIsDeliveredThenClosed()
    {
        var input = _paths.New(".in");
        File.WriteAllText(input, "typed");
        using var chardev = FileChardev.Open("f0", _loop, _paths.New(".out"), input);
        var frontend = new RecordingFrontend();
        _loop.Invoke(() => chardev.Attach(frontend));
        frontend.WaitForEvent(ChardevEvent.Closed);
        Assert.Equal("typed", frontend.ReceivedText);
        Assert.Equal([ChardevEvent.Opened, ChardevEvent.Closed], frontend.Events);
    }

    [Fact]
    public void FileInMissingDirectoryFailsWithQemuText()
    {
        var e = Assert.Throws<ChardevException>(() => FileChardev.Open("f0", _loop, "/nonexistent-dir/x"));
        Assert.Equal("Could not open '/nonexistent-dir/x': No such file or directory", e.Message);
    }

    [Fact]
    public void PipeUsesInAndOutFifos()
    {
        var path = _paths.New("");
        MakeFifo(path + ".in");
        MakeFifo(path + ".out");
        using var chardev = PipeChardev.Open("p0", _loop, path);
        Assert.Equal("pipe", chardev.Filename);
        var frontend = new RecordingFrontend();
        _loop.Invoke(() => chardev.Attach(frontend));

        using (var writer = new FileStream(path + ".in", FileMode.Open, FileAccess.Write))
        {
            writer.Write("to guest"u8);
        }

        frontend.WaitForBytes(8);
        Assert.Equal("to guest", frontend.ReceivedText);

        chardev.Write("from guest"u8);
        using var reader = new FileStream(path + ".out", FileMode.Open, FileAccess.Read);
        var buffer = new byte[10];
        var got = 0;
        while (got < buffer.Length)
        {
            got += reader.Read(buffer, got, buffer.Length - got);
        }

        Assert.Equal("from guest", Encoding.ASCII.GetString(buffer));
        File.Delete(path + ".in");
        File.Delete(path + ".out");
    }

    [Fact]
    public void PipeWithoutFifosFailsWithQemuText()
    {
        var path = _paths.New("");
        var e = Assert.Throws<ChardevException>(() => PipeChardev.Open("p0", _loop, path));
        Assert.Equal($"Could not open '{path}': No such file or directory", e.Message);
    }

    [Fact]
    public void StdinEndOfFileClosesAndOnlyOneStdioMayExist()
    {
        var input = _paths.New(".in");
        var output = _paths.New(".out");
        File.WriteAllText(input, "keys");
        File.WriteAllText(output, "");
        var inFd = LibC.Open(input, LibC.ORdOnly, 0);
        var outFd = LibC.Open(output, LibC.OWrOnly, 0);
        try
        {
            using var stdio = StdioChardev.Open("s0", _loop, signal: false, inFd, outFd);
            Assert.Equal("stdio", stdio.Filename);
            Assert.False(stdio.Signal);
            var e = Assert.Throws<ChardevException>(() => StdioChardev.Open("s1", _loop));
            Assert.Equal("cannot use stdio by multiple character devices", e.Message);

            var frontend = new RecordingFrontend();
            _loop.Invoke(() => stdio.Attach(frontend));
            frontend.WaitForEvent(ChardevEvent.Closed);
            Assert.Equal("keys", frontend.ReceivedText);
            stdio.Write("shown"u8);
            Assert.Equal("shown", File.ReadAllText(output));
        }
        finally
        {
            LibC.Close(inFd);
            LibC.Close(outFd);
        }
    }

    public void Dispose()
    {
        _loop.Dispose();
        _paths.Dispose();
    }

    private static void MakeFifo(string path)
    {
        using var process = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}
