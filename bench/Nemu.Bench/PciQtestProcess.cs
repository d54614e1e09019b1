// A minimal qtest driver for the PCI benchmark (pci.md §7.1; libqtest's start-up): listen on a unix socket in a
// private directory, start the emulator with "-qtest unix:PATH -qtest-log /dev/null -display none -S", accept its
// connection, then one command line out and its reply back, skipping asynchronous "IRQ" lines. Used to run the
// same qtest workload on qemu-system-arm and nemu-system-arm, so the figures include one socket round trip per
// access on both. Not modelled: HMP, IRQ line tracking.
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Nemu.Bench;

/// <summary>An emulator child process driven over its qtest socket.</summary>
public sealed class PciQtestProcess : IDisposable
{
    private readonly DirectoryInfo _directory;
    private readonly Process _process;
    private readonly Socket _socket;
    private readonly StreamReader _reader;

    public PciQtestProcess(string program, IEnumerable<string> args)
    {
        _directory = Directory.CreateTempSubdirectory("nemu-pci-bench-");
        var path = Path.Combine(_directory.FullName, "qtest.sock");
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(path));
        listener.Listen(1);
        var info = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args.Concat(["-display", "none", "-S", "-qtest", "unix:" + path, "-qtest-log", "/dev/null"]))
        {
            info.ArgumentList.Add(arg);
        }

        _process = Process.Start(info) ?? throw new InvalidOperationException("cannot start " + program);
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var accept = listener.AcceptAsync();
        if (!accept.Wait(TimeSpan.FromSeconds(90)))
        {
            Dispose();
            throw new InvalidOperationException($"{program} did not connect to its qtest socket");
        }

        _socket = accept.Result;
        _reader = new StreamReader(new NetworkStream(_socket, ownsSocket: false), Encoding.Latin1);
    }

    /// <summary>Sends <paramref name="line"/> and returns the reply (IRQ lines skipped).</summary>
    public string Command(string line)
    {
        _socket.Send(Encoding.Latin1.GetBytes(line + "\n"));
        while (true)
        {
            var reply = _reader.ReadLine() ?? throw new InvalidOperationException($"the emulator closed its qtest socket after '{line}'");
            if (!reply.StartsWith("IRQ ", StringComparison.Ordinal))
            {
                return reply;
            }
        }
    }

    public void Writel(ulong address, uint value) => Expect(Command($"writel 0x{address:x} 0x{value:x}"), "OK");

    public void Writew(ulong address, ushort value) => Expect(Command($"writew 0x{address:x} 0x{value:x}"), "OK");

    public uint Readl(ulong address)
    {
        var reply = Command($"readl 0x{address:x}");
        return reply.StartsWith("OK 0x", StringComparison.Ordinal)
            ? (uint)ulong.Parse(reply.AsSpan(5), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"readl 0x{address:x} answered '{reply}'");
    }

    public void Dispose()
    {
        _reader?.Dispose();
        _socket?.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
        try
        {
            _directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A socket still open: leave the temporary directory.
        }
    }

    private static void Expect(string reply, string expected)
    {
        if (reply != expected)
        {
            throw new InvalidOperationException($"expected '{expected}', got '{reply}'");
        }
    }
}
