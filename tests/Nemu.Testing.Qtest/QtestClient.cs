// Implements: a C# client of QEMU's qtest line protocol (pci.md §7.1), like libqtest (tests/qtest/libqtest.c):
// one command line out, asynchronous "IRQ raise N" / "IRQ lower N" lines tracked (qtest_get_irq) and skipped,
// then the reply. Typed helpers check the OK form and parse values; Raw returns the reply text as sent.
// The same client drives Nemu in-process, nemu-system-arm or qemu-system-arm with the same arguments.
using System.Globalization;

namespace Nemu.Testing.Qtest;

/// <summary>Drives an emulator (Nemu or qemu-system-arm) through its <c>-qtest</c> chardev.</summary>
public sealed class QtestClient : IDisposable
{
    private readonly IQtestTransport _transport;
    private readonly Dictionary<int, bool> _irqLevels = [];
    private readonly List<string> _asyncLines = [];

    private QtestClient(IQtestTransport transport, QtestTarget target)
    {
        _transport = transport;
        Target = target;
    }

    /// <summary>Which emulator this client drives.</summary>
    public QtestTarget Target { get; }

    /// <summary>Every asynchronous line (<c>IRQ raise N</c>, <c>IRQ lower N</c>) received so far, in order.</summary>
    public IReadOnlyList<string> AsyncLines => _asyncLines;

    /// <summary>The emulator's command line (process targets) or the arguments (in-process).</summary>
    public string CommandLine { get; private init; } = string.Empty;

    /// <summary>The in-process machine, for assertions the protocol cannot make; null for process targets.</summary>
    public Nemu.System.Machine? Machine => (_transport as InProcessQtestTransport)?.Machine;

    /// <summary>Builds Nemu's machine in this process under the qtest accelerator (<paramref name="args"/> as on the command line).</summary>
    public static QtestClient StartInProcess(params string[] args) =>
        new(new InProcessQtestTransport(args), QtestTarget.NemuInProcess) { CommandLine = string.Join(' ', args) };

    /// <summary>Starts nemu-system-arm (built next to the tests) with <paramref name="args"/> plus the qtest and monitor sockets.</summary>
    public static QtestClient StartNemu(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "nemu-system-arm.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"nemu-system-arm.dll is not next to the tests ({dll}): reference Nemu.Testing.Qtest from the test project");
        }

        var transport = new ProcessQtestTransport("dotnet", [dll], args, addStopped: false);
        return new(transport, QtestTarget.Nemu) { CommandLine = transport.CommandLine };
    }

    /// <summary>
    /// Starts qemu-system-arm from PATH with <paramref name="args"/> plus the qtest and monitor sockets and <c>-S</c>
    /// (the Debian 7.2 build has no qtest accelerator, so its CPU must not run). A missing binary is an error that
    /// names the fix.
    /// </summary>
    public static QtestClient StartQemu(params string[] args)
    {
        var path = FindOnPath("qemu-system-arm")
            ?? throw new InvalidOperationException("qemu-system-arm is not installed: run ./scripts/test.sh, which installs it");
        var transport = new ProcessQtestTransport(path, [], args, addStopped: true);
        return new(transport, QtestTarget.Qemu) { CommandLine = transport.CommandLine };
    }

    /// <summary>Starts <paramref name="target"/> with <paramref name="args"/>.</summary>
    public static QtestClient Start(QtestTarget target, params string[] args) => target switch
    {
        QtestTarget.NemuInProcess => StartInProcess(args),
        QtestTarget.Nemu => StartNemu(args),
        _ => StartQemu(args),
    };

    /// <summary>Sends <paramref name="line"/> and returns the reply line as sent (IRQ lines before it are tracked, not returned).</summary>
    public string Raw(string line)
    {
        _transport.SendLine(line);
        while (true)
        {
            var reply = _transport.ReadLine();
            if (!reply.StartsWith("IRQ ", StringComparison.Ordinal))
            {
                return reply;
            }

            _asyncLines.Add(reply);
            var words = reply.Split(' ');
            if (words.Length == 3 && int.TryParse(words[2], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                _irqLevels[n] = words[1] == "raise";
            }
        }
    }

    /// <summary>The level of intercepted line <paramref name="n"/> as last reported (qtest_get_irq); false before any report.</summary>
    public bool GetIrq(int n) => _irqLevels.GetValueOrDefault(n);

    /// <summary>Forgets the asynchronous lines seen so far (levels are kept).</summary>
    public void ClearAsyncLines() => _asyncLines.Clear();

    public byte ReadB(ulong address) => (byte)ReadValue("readb", address);

    public ushort ReadW(ulong address) => (ushort)ReadValue("readw", address);

    public uint ReadL(ulong address) => (uint)ReadValue("readl", address);

    public ulong ReadQ(ulong address) => ReadValue("readq", address);

    public void WriteB(ulong address, byte value) => Ok($"writeb 0x{address:x} 0x{value:x}");

    public void WriteW(ulong address, ushort value) => Ok($"writew 0x{address:x} 0x{value:x}");

    public void WriteL(ulong address, uint value) => Ok($"writel 0x{address:x} 0x{value:x}");

    public void WriteQ(ulong address, ulong value) => Ok($"writeq 0x{address:x} 0x{value:x}");

    public byte InB(ushort port) => (byte)InValue("inb", port);

    public ushort InW(ushort port) => (ushort)InValue("inw", port);

    public uint InL(ushort port) => InValue("inl", port);

    public void OutB(ushort port, byte value) => Ok($"outb 0x{port:x} 0x{value:x}");

    public void OutW(ushort port, ushort value) => Ok($"outw 0x{port:x} 0x{value:x}");

    public void OutL(ushort port, uint value) => Ok($"outl 0x{port:x} 0x{value:x}");

    /// <summary><c>read ADDR SIZE</c>: <paramref name="length"/> (≥ 1) bytes.</summary>
    public byte[] Read(ulong address, int length) => Convert.FromHexString(OkValue($"read 0x{address:x} 0x{length:x}")[2..]);

    /// <summary><c>write ADDR SIZE 0xDATA</c>.</summary>
    public void Write(ulong address, ReadOnlySpan<byte> data) =>
        Ok($"write 0x{address:x} 0x{data.Length:x} 0x{(data.IsEmpty ? "00" : Convert.ToHexStringLower(data))}");

    /// <summary><c>b64read ADDR SIZE</c>.</summary>
    public byte[] B64Read(ulong address, int length) => Convert.FromBase64String(OkValue($"b64read 0x{address:x} 0x{length:x}"));

    /// <summary><c>b64write ADDR SIZE DATA</c>.</summary>
    public void B64Write(ulong address, ReadOnlySpan<byte> data) => Ok($"b64write 0x{address:x} 0x{data.Length:x} {Convert.ToBase64String(data)}");

    /// <summary><c>memset ADDR SIZE VALUE</c>.</summary>
    public void Memset(ulong address, ulong length, byte value) => Ok($"memset 0x{address:x} 0x{length:x} 0x{value:x}");

    /// <summary><c>clock_step [NS]</c> (qtest accelerator only): returns the new virtual time in ns.</summary>
    public long ClockStep(long? ns = null) => ParseClock(Raw(ns is { } n ? $"clock_step {n}" : "clock_step"));

    /// <summary><c>clock_set NS</c>: returns the new virtual time in ns.</summary>
    public long ClockSet(long ns) => ParseClock(Raw($"clock_set {ns}"));

    /// <summary><c>irq_intercept_in PATH</c>: report the unnamed gpio-in lines of the device at <paramref name="qomPath"/>.</summary>
    public void IrqInterceptIn(string qomPath) => Ok("irq_intercept_in " + qomPath);

    /// <summary><c>irq_intercept_out PATH</c>: report the unnamed gpio-out lines of the device.</summary>
    public void IrqInterceptOut(string qomPath) => Ok("irq_intercept_out " + qomPath);

    /// <summary><c>set_irq_in PATH NAME N LEVEL</c> (<paramref name="name"/> null: the unnamed list).</summary>
    public void SetIrqIn(string qomPath, string? name, int n, int level) => Ok($"set_irq_in {qomPath} {name ?? "unnamed-gpio-in"} {n} {level}");

    /// <summary><c>endianness</c>: "little" or "big".</summary>
    public string Endianness() => OkValue("endianness");

    /// <summary>Runs an HMP command (<c>info pci</c>, <c>info mtree -f</c>) and returns its output with LF line ends.</summary>
    public string Hmp(string command) => _transport.Hmp(command);

    /// <summary>Ends the emulator this client started (only that process) and removes its sockets.</summary>
    public void Dispose() => _transport.Dispose();

    private ulong ReadValue(string command, ulong address) => ParseHex(OkValue($"{command} 0x{address:x}"));

    private uint InValue(string command, ushort port) => (uint)ParseHex(OkValue($"{command} 0x{port:x}"));

    private void Ok(string line)
    {
        var reply = Raw(line);
        if (reply != "OK")
        {
            throw new QtestException($"'{line}' answered '{reply}'");
        }
    }

    private string OkValue(string line)
    {
        var reply = Raw(line);
        return reply.StartsWith("OK ", StringComparison.Ordinal) ? reply[3..] : throw new QtestException($"'{line}' answered '{reply}'");
    }

    private static ulong ParseHex(string text) =>
        text.StartsWith("0x", StringComparison.Ordinal) && ulong.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new QtestException($"not a hex value: '{text}'");

    private static long ParseClock(string reply) =>
        reply.StartsWith("OK ", StringComparison.Ordinal) && long.TryParse(reply.AsSpan(3), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ns)
            ? ns
            : throw new QtestException($"clock command answered '{reply}'");

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
