using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Nemu.Cli.Tests;

/// <summary>
/// The monitor on a unix socket server (<c>-monitor unix:PATH,server=on,wait=off</c>), the way CI scripts drive
/// QEMU: a client connects, runs commands, disconnects, and a second client is served; replies match QEMU's.
/// </summary>
public sealed class SocketMonitorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("nemu-mon-").FullName;

    [Fact]
    public void UnixSocketMonitorServesConsecutiveClientsAsQemu()
    {
        var qemu = Transcripts(EmulatorRun.Qemu, "qemu");
        var nemu = Transcripts(EmulatorRun.Nemu, "nemu");
        Assert.Equal(2, nemu.Count);
        for (var i = 0; i < qemu.Count; i++)
        {
            EmulatorRun.AssertRepliesEqual(EmulatorRun.MonitorReplies(qemu[i]), EmulatorRun.MonitorReplies(nemu[i]));
        }
    }

    private List<string> Transcripts((string FileName, string[] Prefix) binary, string tag)
    {
        var socketPath = Path.Combine(_dir, tag + ".sock");
        var start = new ProcessStartInfo(binary.FileName) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true, RedirectStandardInput = true };
        foreach (var arg in binary.Prefix.Concat(["-M", "none", "-m", "1M", "-S", "-display", "none", "-monitor", $"unix:{socketPath},server=on,wait=off"]))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        try
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while (!File.Exists(socketPath))
            {
                if (DateTime.UtcNow > deadline || process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    Assert.Fail($"{tag}: monitor socket never appeared: {process.StandardError.ReadToEnd()}");
                }

                Thread.Sleep(20);
            }

            var transcripts = new List<string>
            {
                Session(socketPath, "info status\nxp /2xw 0\ninfo mtree -f\n", "I/O"),
                Session(socketPath, "info status\nquit\n", null),
            };
            Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), $"{tag} did not quit");
            return transcripts;
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    /// <summary>
    /// Connects to the monitor socket. The socket file appears at bind(), a moment before listen(), so a refused
    /// connection is retried (as QEMU's own test clients do) until a deadline.
    /// </summary>
    private static Socket Connect(string socketPath)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                socket.Connect(new UnixDomainSocketEndPoint(socketPath));
                return socket;
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused && DateTime.UtcNow < deadline)
            {
                socket.Dispose();
                Thread.Sleep(20);
            }
        }
    }

    /// <summary>Sends the commands one at a time, each after the previous prompt, and returns everything received.</summary>
    private static string Session(string socketPath, string commands, string? lastReplyMarker)
    {
        using var socket = Connect(socketPath);
        socket.ReceiveTimeout = 30000;
        var received = new StringBuilder();
        var buffer = new byte[4096];
        var lines = commands.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var prompts = 0;
        for (var i = 0; i <= lines.Length; i++)
        {
            // Wait for the prompt that precedes command i (the banner's prompt for the first).
            while (Count(received.ToString(), "(qemu) ") <= prompts)
            {
                var n = socket.Receive(buffer);
                if (n == 0)
                {
                    return received.ToString();
                }

                received.Append(Encoding.UTF8.GetString(buffer, 0, n));
            }

            prompts++;
            if (i < lines.Length)
            {
                socket.Send(Encoding.UTF8.GetBytes(lines[i] + "\n"));
            }

            if (i == lines.Length - 1 && lastReplyMarker is null)
            {
                break;
            }
        }

        if (lines[^1] == "quit")
        {
            // Read until the emulator closes the connection.
            int n;
            while ((n = socket.Receive(buffer)) > 0)
            {
                received.Append(Encoding.UTF8.GetString(buffer, 0, n));
            }
        }

        return received.ToString();
    }

    private static int Count(string text, string what)
    {
        var count = 0;
        for (var at = text.IndexOf(what, StringComparison.Ordinal); at >= 0; at = text.IndexOf(what, at + what.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
