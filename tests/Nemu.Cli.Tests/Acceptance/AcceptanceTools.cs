// Issue 7 acceptance: shared look-ups for the monitor and gdb tests. Every missing tool or artifact fails the
// test with a message naming the set-up script that provides it (never a silent skip).
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Nemu.Cli.Tests.Acceptance;

/// <summary>Paths, tools, ports and sockets for the acceptance tests.</summary>
internal static class AcceptanceTools
{
    /// <summary>The source tree's root (the directory holding scripts/test.sh).</summary>
    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "scripts", "test.sh")))
            {
                dir = dir.Parent;
            }

            Assert.True(dir is not null, "scripts/test.sh not found above " + AppContext.BaseDirectory);
            return dir!.FullName;
        }
    }

    /// <summary>gdb-multiarch from PATH (scripts/test.sh installs it).</summary>
    public static string GdbMultiarch => FindOnPath("gdb-multiarch", "run ./scripts/test.sh, which installs gdb-multiarch");

    /// <summary>python3 from PATH (scripts/test.sh installs it).</summary>
    public static string Python3 => FindOnPath("python3", "run ./scripts/test.sh, which installs python3");

    /// <summary>The python/ folder of Debian's qemu source package (qemu.qmp), from scripts/setup-qemu-python.sh.</summary>
    public static string QemuPythonPath
    {
        get
        {
            var path = Path.Combine(RepositoryRoot, "artifacts", "qemu-python", "python");
            Assert.True(
                File.Exists(Path.Combine(path, "qemu", "qmp", "qmp_client.py")),
                $"qemu.qmp is missing ({path}): run ./scripts/setup-qemu-python.sh (scripts/test.sh runs it) to take it from `apt-get source qemu`");
            return path;
        }
    }

    public static string TempDirectory(string tag) => Directory.CreateTempSubdirectory("nemu-acc-" + tag + "-").FullName;

    /// <summary>A loopback TCP port that was free a moment ago (the emulator binds it next).</summary>
    public static int FreeTcpPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>
    /// Waits until some process listens on loopback <paramref name="port"/>, by reading /proc/net/tcp rather
    /// than connecting: a probe connection would be the gdbstub's one client.
    /// </summary>
    public static void WaitForTcpListen(int port, EmulatorProcess emulator, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (!IsListening(port))
        {
            Assert.False(emulator.HasExited, $"{emulator.Name} exited ({emulator.ExitCodeText}) before listening on port {port}: {emulator.Output}");
            Assert.True(deadline.Elapsed < timeout, $"{emulator.Name} did not listen on tcp port {port} within {timeout.TotalSeconds} s: {emulator.Output}");
            Thread.Sleep(20);
        }
    }

    /// <summary>Connects to a unix socket server the emulator creates, retrying until it exists and accepts.</summary>
    public static Socket ConnectUnix(string path, EmulatorProcess emulator, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            Assert.False(emulator.HasExited, $"{emulator.Name} exited ({emulator.ExitCodeText}) before accepting on {path}: {emulator.Output}");
            Assert.True(deadline.Elapsed < timeout, $"{emulator.Name} did not accept on unix socket {path} within {timeout.TotalSeconds} s: {emulator.Output}");
            if (File.Exists(path))
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    socket.Connect(new UnixDomainSocketEndPoint(path));
                    return socket;
                }
                catch (SocketException)
                {
                    socket.Dispose();
                }
            }

            Thread.Sleep(20);
        }
    }

    private static bool IsListening(int port)
    {
        var hex = port.ToString("X4", CultureInfo.InvariantCulture);
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(table))
            {
                continue;
            }

            foreach (var line in File.ReadLines(table).Skip(1))
            {
                // "  sl  local_address rem_address   st ..." with local_address = HEXIP:HEXPORT and st 0A = LISTEN.
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length > 3 && fields[1].EndsWith(":" + hex, StringComparison.Ordinal) && fields[3] == "0A")
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static string FindOnPath(string name, string remedy)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
        Assert.True(path is not null, $"{name} is not installed: {remedy}");
        return path!;
    }
}
