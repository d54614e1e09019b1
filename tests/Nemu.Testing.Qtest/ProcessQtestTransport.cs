// Implements: how libqtest (tests/qtest/libqtest.c qtest_init) starts an emulator: the test listens on a unix
// socket in a private temporary directory, starts the emulator with "-qtest unix:PATH" (the emulator connects
// as the client) and "-qtest-log /dev/null", and waits for the connection. HMP goes through
// "-monitor unix:PATH,server=on,wait=off" (Nemu has no QMP); its banner, prompt and echo are stripped. "-display
// none" keeps QEMU from opening a window.
// qemu-system-arm 7.2 from Debian has no qtest accelerator, so it gets "-S" to keep its TCG CPU from running.
using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Nemu.Testing.Qtest;

/// <summary>A qtest connection to an emulator child process.</summary>
internal sealed class ProcessQtestTransport : IQtestTransport
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(60);

    private readonly DirectoryInfo _directory;
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();
    private readonly Socket _qtest;
    private readonly StreamReader _qtestReader;
    private readonly string _monitorPath;
    private Socket? _monitor;

    public ProcessQtestTransport(string fileName, IReadOnlyList<string> prefix, IReadOnlyList<string> args, bool addStopped)
    {
        _directory = Directory.CreateTempSubdirectory("nemu-qtest-");
        var qtestPath = Path.Combine(_directory.FullName, "qtest.sock");
        _monitorPath = Path.Combine(_directory.FullName, "hmp.sock");
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(qtestPath));
        listener.Listen(1);

        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in prefix.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        string[] extra = ["-display", "none", "-qtest", "unix:" + qtestPath, "-qtest-log", "/dev/null", "-monitor", $"unix:{_monitorPath},server=on,wait=off"];
        foreach (var arg in addStopped && !args.Contains("-S") ? [.. extra, "-S"] : extra)
        {
            start.ArgumentList.Add(arg);
        }

        CommandLine = string.Join(' ', start.ArgumentList);
        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + fileName);
        _process.ErrorDataReceived += (_, e) =>
        {
            lock (_stderr)
            {
                _stderr.Append(e.Data).Append('\n');
            }
        };
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();

        var accept = listener.AcceptAsync();
        var watch = Stopwatch.StartNew();
        while (!accept.Wait(TimeSpan.FromMilliseconds(100)))
        {
            if (_process.HasExited || watch.Elapsed > StartTimeout)
            {
                var reason = _process.HasExited ? $"exited with status {_process.ExitCode}" : $"did not connect within {StartTimeout.TotalSeconds} s";
                Kill();
                throw new InvalidOperationException($"{CommandLine}: {reason}\n{Stderr}");
            }
        }

        _qtest = accept.Result;
        _qtest.ReceiveTimeout = (int)ReplyTimeout.TotalMilliseconds;
        _qtestReader = new StreamReader(new NetworkStream(_qtest, ownsSocket: false), Encoding.Latin1);
    }

    /// <summary>The command line the emulator was started with.</summary>
    public string CommandLine { get; }

    /// <summary>What the emulator wrote on stderr so far.</summary>
    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public void SendLine(string line) => _qtest.Send(Encoding.Latin1.GetBytes(line + "\n"));

    public string ReadLine()
    {
        try
        {
            return _qtestReader.ReadLine() ?? throw new QtestException($"the emulator closed the qtest connection\n{Stderr}");
        }
        catch (IOException e)
        {
            throw new QtestException($"no qtest reply within {ReplyTimeout.TotalSeconds} s ({e.Message})\n{Stderr}");
        }
    }

    public string Hmp(string command)
    {
        if (_monitor is null)
        {
            _monitor = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
            {
                ReceiveTimeout = (int)ReplyTimeout.TotalMilliseconds,
            };
            _monitor.Connect(new UnixDomainSocketEndPoint(_monitorPath));
            ReadUntilPrompt();
        }

        _monitor.Send(Encoding.UTF8.GetBytes(command + "\n"));
        var text = ReadUntilPrompt().Replace("\r\n", "\n", StringComparison.Ordinal);

        // The first line is the monitor's echo of the command (QEMU adds cursor-movement escapes to it).
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? string.Empty : text[(newline + 1)..];
    }

    public void Dispose()
    {
        _monitor?.Dispose();
        _qtestReader.Dispose();
        _qtest.Dispose();
        Kill();
        _process.Dispose();
        try
        {
            _directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A socket file still in use: the temporary directory is left behind.
        }
    }

    private string ReadUntilPrompt()
    {
        var received = new List<byte>();
        var buffer = new byte[4096];
        const string prompt = "(qemu) ";
        while (true)
        {
            var count = _monitor!.Receive(buffer);
            if (count == 0)
            {
                throw new QtestException($"the emulator closed the monitor connection\n{Stderr}");
            }

            received.AddRange(buffer.AsSpan(0, count));
            var text = Encoding.UTF8.GetString([.. received]);
            if (text.EndsWith(prompt, StringComparison.Ordinal))
            {
                return text[..^prompt.Length];
            }
        }
    }

    /// <summary>Ends the child this transport started (and only it).</summary>
    private void Kill()
    {
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
    }
}
