using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Nemu.Cli.Tests.Qmp;

/// <summary>
/// nemu-system-arm with <c>-qmp</c> on a unix socket, a tcp socket and stdio, driven by a raw client. The run-control
/// steps of QEMU 7.2's transcript /work/notes/issue7-ref/qmp-an385-loop.txt are replayed and compared line by line
/// (timestamps masked), including the quit sequence: SHUTDOWN, the return, EOF and exit code 0.
/// </summary>
public sealed partial class QmpSessionTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly string _dir = Directory.CreateTempSubdirectory("nemu-qmp-").FullName;

    // (request, replies) from the recording; TS stands for any timestamp.
    private static readonly (string Request, string[] Replies)[] RecordedSteps =
    [
        ("{\"execute\": \"query-status\", \"id\": \"pre\"}", ["{\"id\": \"pre\", \"error\": {\"class\": \"CommandNotFound\", \"desc\": \"Expecting capabilities negotiation with 'qmp_capabilities'\"}}"]),
        ("{\"execute\": \"qmp_capabilities\"}", ["{\"return\": {}}"]),
        ("{\"execute\": \"qmp_capabilities\"}", ["{\"error\": {\"class\": \"CommandNotFound\", \"desc\": \"Capabilities negotiation is already complete, command ignored\"}}"]),
        ("{\"execute\": \"query-status\", \"id\": 1}", ["{\"return\": {\"status\": \"prelaunch\", \"singlestep\": false, \"running\": false}, \"id\": 1}"]),
        ("{\"execute\": \"no-such-command\", \"id\": 42}", ["{\"id\": 42, \"error\": {\"class\": \"CommandNotFound\", \"desc\": \"The command no-such-command has not been found\"}}"]),
        ("{\"execute\": \"query-status\", \"arguments\": {\"bogus\": 1}, \"id\": 5}", ["{\"id\": 5, \"error\": {\"class\": \"GenericError\", \"desc\": \"Parameter 'bogus' is unexpected\"}}"]),
        ("{\"execute\": 5, \"id\": 10}", ["{\"id\": 10, \"error\": {\"class\": \"GenericError\", \"desc\": \"QMP input member 'execute' must be a string\"}}"]),
        ("{\"execute\": \"query-status\", \"arguments\": [], \"id\": 11}", ["{\"id\": 11, \"error\": {\"class\": \"GenericError\", \"desc\": \"QMP input member 'arguments' must be an object\"}}"]),
        ("{\"execute\": \"query-status\", \"extra\": 1, \"id\": 12}", ["{\"id\": 12, \"error\": {\"class\": \"GenericError\", \"desc\": \"QMP input member 'extra' is unexpected\"}}"]),
        ("{\"foo\": \"bar\"}", ["{\"error\": {\"class\": \"GenericError\", \"desc\": \"QMP input member 'foo' is unexpected\"}}"]),
        ("[1,2]", ["{\"error\": {\"class\": \"GenericError\", \"desc\": \"QMP input must be a JSON object\"}}"]),
        ("{\"execute\": \"query-status\" \"id\": 1}", ["{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, expected separator in dict\"}}"]),
        ("\u0001", ["{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, stray '\\u0001'\"}}"]),
        ("{\"execute\":\"query-status\",\"id\":\"a\"}{\"execute\":\"query-status\",\"id\":\"b\"}",
            ["{\"return\": {\"status\": \"prelaunch\", \"singlestep\": false, \"running\": false}, \"id\": \"a\"}", "{\"return\": {\"status\": \"prelaunch\", \"singlestep\": false, \"running\": false}, \"id\": \"b\"}"]),
        ("{\"exec-oob\": \"query-status\", \"id\": \"o1\"}", ["{\"id\": \"o1\", \"error\": {\"class\": \"GenericError\", \"desc\": \"QMP input member 'exec-oob' is unexpected\"}}"]),
        ("{\"execute\": \"cont\", \"id\": \"c\"}", ["{TS, \"event\": \"RESUME\"}", "{\"return\": {}, \"id\": \"c\"}"]),
        ("{\"execute\": \"query-status\"}", ["{\"return\": {\"status\": \"running\", \"singlestep\": false, \"running\": true}}"]),
        ("{\"execute\": \"stop\", \"id\": \"s\"}", ["{TS, \"event\": \"STOP\"}", "{\"return\": {}, \"id\": \"s\"}"]),
        ("{\"execute\": \"query-status\"}", ["{\"return\": {\"status\": \"paused\", \"singlestep\": false, \"running\": false}}"]),
        ("{\"execute\": \"stop\", \"id\": \"s2\"}", ["{\"return\": {}, \"id\": \"s2\"}"]),
        ("{\"execute\": \"system_reset\", \"id\": \"r\"}", ["{TS, \"event\": \"RESET\", \"data\": {\"guest\": false, \"reason\": \"host-qmp-system-reset\"}}", "{\"return\": {}, \"id\": \"r\"}"]),
        ("{\"execute\": \"query-status\"}", ["{\"return\": {\"status\": \"prelaunch\", \"singlestep\": false, \"running\": false}}"]),
        ("{\"execute\": \"cont\"}", ["{TS, \"event\": \"RESUME\"}", "{\"return\": {}}"]),
        ("{\"execute\": \"system_reset\", \"id\": \"r2\"}", ["{TS, \"event\": \"RESET\", \"data\": {\"guest\": false, \"reason\": \"host-qmp-system-reset\"}}", "{\"return\": {}, \"id\": \"r2\"}"]),
        ("{\"execute\": \"system_powerdown\", \"id\": \"pd\"}", ["{TS, \"event\": \"POWERDOWN\"}", "{\"return\": {}, \"id\": \"pd\"}"]),
        ("{\"execute\": \"quit\", \"id\": \"q\"}", ["{TS, \"event\": \"SHUTDOWN\", \"data\": {\"guest\": false, \"reason\": \"host-qmp-quit\"}}", "{\"return\": {}, \"id\": \"q\"}"]),
    ];

    [Fact]
    public void UnixSocketReplaysTheRecordedRunControlTranscript()
    {
        var path = Path.Combine(_dir, "qmp.sock");
        using var process = Start($"unix:{path},server=on,wait=off");
        Socket? socket = null;
        WaitFor(() => (socket = TryConnectUnix(path)) is not null, process, "the QMP socket");
        using (socket)
        {
            Replay(socket!, process);
        }
    }

    [Fact]
    public void TcpServerServesAClientAfterAnotherHungUpMidCommand()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        using var process = Start($"tcp:127.0.0.1:{port},server=on,wait=off");
        var first = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        WaitFor(() => TryConnect(first, port), process, "the QMP tcp port");
        var reader = new MessageReader(first);
        Assert.StartsWith("{\"QMP\": {\"version\": {\"qemu\": ", reader.Next());
        first.Send(Encoding.ASCII.GetBytes("{\"execute\": \"qmp_capabilities\"}{\"execute\": \"query-st"));
        Assert.Equal("{\"return\": {}}", reader.Next());
        first.Dispose();

        using var second = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        WaitFor(() => TryConnect(second, port), process, "a second connection");
        Replay(second, process);
    }

    [Fact]
    public void StdioCarriesQmp()
    {
        var start = StartInfo("stdio");
        using var process = Process.Start(start)!;
        process.StandardInput.Write("{\"execute\": \"qmp_capabilities\"}\n{\"execute\": \"query-status\", \"id\": 1}\n{\"execute\": \"quit\"}\n");
        process.StandardInput.Flush();
        var output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(Timeout), "nemu did not quit");
        Assert.Equal(0, process.ExitCode);
        var lines = output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(MaskTimestamp).ToArray();
        Assert.Equal(5, lines.Length);
        Assert.StartsWith("{\"QMP\": ", lines[0]);
        Assert.Equal(
        [
            "{\"return\": {}}",
            "{\"return\": {\"status\": \"prelaunch\", \"singlestep\": false, \"running\": false}, \"id\": 1}",
            "{TS, \"event\": \"SHUTDOWN\", \"data\": {\"guest\": false, \"reason\": \"host-qmp-quit\"}}",
            "{\"return\": {}}",
        ], lines[1..]);
    }

    private static void Replay(Socket socket, Process process)
    {
        var reader = new MessageReader(socket);
        Assert.StartsWith("{\"QMP\": {\"version\": {\"qemu\": ", reader.Next());
        foreach (var (request, replies) in RecordedSteps)
        {
            socket.Send(Encoding.Latin1.GetBytes(request));
            foreach (var expected in replies)
            {
                Assert.Equal(expected, MaskTimestamp(reader.Next()));
            }
        }

        Assert.Null(reader.Next());
        Assert.True(process.WaitForExit(Timeout), "nemu did not quit");
        Assert.Equal(0, process.ExitCode);
    }

    private static string MaskTimestamp(string? line) =>
        TimestampPattern().Replace(line ?? "EOF", "TS");

    [GeneratedRegex("\"timestamp\": \\{\"seconds\": \\d+, \"microseconds\": \\d+\\}")]
    private static partial Regex TimestampPattern();

    private static ProcessStartInfo StartInfo(string qmp)
    {
        var (fileName, prefix) = EmulatorRun.Nemu;
        var start = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in prefix.Concat(["-M", "none", "-m", "1M", "-display", "none", "-S", "-qmp", qmp]))
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }

    private static Process Start(string qmp)
    {
        var process = Process.Start(StartInfo(qmp))!;
        process.StandardInput.Close();
        return process;
    }

    private static void WaitFor(Func<bool> condition, Process process, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > Timeout || process.HasExited)
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }

                Assert.Fail($"{what} never appeared: {process.StandardError.ReadToEnd()}");
            }

            Thread.Sleep(20);
        }
    }

    // The socket file appears at bind(), a moment before listen(): a refused connection is retried.
    private static Socket? TryConnectUnix(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Connect(new UnixDomainSocketEndPoint(path));
            return socket;
        }
        catch (SocketException)
        {
            socket.Dispose();
            return null;
        }
    }

    private static bool TryConnect(Socket socket, int port)
    {
        try
        {
            socket.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Reads CRLF-terminated messages; null at EOF.</summary>
    private sealed class MessageReader(Socket socket)
    {
        private readonly List<byte> _buffer = [];

        public string? Next()
        {
            socket.ReceiveTimeout = (int)Timeout.TotalMilliseconds;
            var chunk = new byte[65536];
            while (true)
            {
                for (var i = 0; i + 1 < _buffer.Count; i++)
                {
                    if (_buffer[i] == '\r' && _buffer[i + 1] == '\n')
                    {
                        var line = Encoding.ASCII.GetString(_buffer.GetRange(0, i).ToArray());
                        _buffer.RemoveRange(0, i + 2);
                        return line;
                    }
                }

                var n = socket.Receive(chunk);
                if (n == 0)
                {
                    return null;
                }

                _buffer.AddRange(chunk.AsSpan(0, n).ToArray());
            }
        }
    }
}
