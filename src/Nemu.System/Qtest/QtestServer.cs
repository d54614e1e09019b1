// Implements: QEMU 7.2 softmmu/qtest.c, the qtest server (pci.md §7.1; replies as recorded in
// issue6-ref/qtest-probe.txt and qtest-main.txt): a line protocol on a chardev; each line is one command answered
// by one "OK ...", "FAIL ..." or "ERR ..." line, preceded by any asynchronous "IRQ raise N" / "IRQ lower N" lines
// the command caused. Memory accesses use the first CPU's address space (cpu-memory-0) or, without a CPU, the
// system address space, with unspecified attributes; port accesses use the "I/O" address space.
// clock_step/clock_set exist only with the qtest accelerator (QEMU answers "FAIL Unknown command" otherwise).
// Deviations: a malformed line (missing or invalid argument, zero-length read, port above 0xffff, huge sizes)
// gets "ERR <reason>" where QEMU asserts and dies. Not modelled: module_load (always FAIL, Nemu has no modules),
// the process_command_cb hook, big-endian targets.
using System.Text;
using Nemu.Chardevs;
using Nemu.Memory;

namespace Nemu.System.Qtest;

/// <summary>
/// The qtest server of one machine. Attach it to a chardev with <see cref="Attach"/> (as <c>-qtest</c> does), or
/// drive it directly with <see cref="ProcessLine"/> (in-process tests), on the machine's loop thread.
/// </summary>
public sealed partial class QtestServer : IChardevFrontend
{
    /// <summary>The largest read/write/memset size Nemu accepts in one command (QEMU has no limit but its heap).</summary>
    public const ulong MaxTransferSize = 64 << 20;

    private readonly Machine _machine;
    private readonly Action<string> _send;
    private readonly StringBuilder _input = new();
    private readonly QtestLog? _log;
    private bool _opened = true;
    private AddressSpace? _cpuSpace;

    /// <param name="machine">The machine the commands act on.</param>
    /// <param name="clockEnabled">True under the qtest accelerator: clock_step and clock_set are commands.</param>
    /// <param name="send">Where reply and IRQ text goes (each call is one or more whole lines).</param>
    /// <param name="log">The -qtest-log destination, or null for none.</param>
    public QtestServer(Machine machine, bool clockEnabled, Action<string> send, TextWriter? log = null)
    {
        _machine = machine;
        _send = send;
        ClockEnabled = clockEnabled;
        _log = log is null ? null : new QtestLog(log);
    }

    /// <summary>True when clock_step/clock_set are available (the qtest accelerator).</summary>
    public bool ClockEnabled { get; }

    /// <summary>
    /// Creates a server writing to <paramref name="chardev"/> and attaches it as the chardev's frontend once the main
    /// loop runs, so no command executes while the machine is still being built or before its first reset.
    /// </summary>
    public static QtestServer Attach(Machine machine, Chardev chardev, bool clockEnabled, TextWriter? log)
    {
        var server = new QtestServer(machine, clockEnabled, text => WriteAll(chardev, text), log) { _opened = false };
        machine.Loop.Post(() => chardev.Attach(server));
        return server;
    }

    public int CanReceive() => 1024;

    public void Receive(ReadOnlySpan<byte> data)
    {
        _input.Append(Encoding.Latin1.GetString(data));
        while (true)
        {
            var text = _input.ToString();
            var end = text.IndexOf('\n', StringComparison.Ordinal);
            if (end < 0)
            {
                return;
            }

            _input.Remove(0, end + 1);
            ProcessLine(text[..end]);
        }
    }

    public void OnEvent(ChardevEvent chardevEvent)
    {
        switch (chardevEvent)
        {
            case ChardevEvent.Opened:
                // qtest_event: IRQ levels start low again and the log clock restarts for each connection.
                Array.Clear(_irqLevels);
                _opened = true;
                _log?.Opened();
                break;
            case ChardevEvent.Closed:
                _opened = false;
                _log?.Closed();
                break;
        }
    }

    /// <summary>Executes one command line (without its newline) and sends its reply.</summary>
    public void ProcessLine(string line)
    {
        var words = new QtestWords(line);
        _log?.Received(words.All);
        try
        {
            Dispatch(words);
        }
        catch (QtestArgumentException e)
        {
            Reply("ERR " + e.Message + "\n");
        }
    }

    private void Dispatch(QtestWords w)
    {
        switch (w.Command)
        {
            case "irq_intercept_in":
            case "irq_intercept_out":
                InterceptIrqs(w, outputs: w.Command == "irq_intercept_out");
                break;
            case "set_irq_in":
                SetIrqIn(w);
                break;
            case "outb":
            case "outw":
            case "outl":
                Out(w, SizeOf(w.Command[3]));
                break;
            case "inb":
            case "inw":
            case "inl":
                In(w, SizeOf(w.Command[2]));
                break;
            case "writeb":
            case "writew":
            case "writel":
            case "writeq":
                WriteValue(w, SizeOf(w.Command[5]));
                break;
            case "readb":
            case "readw":
            case "readl":
            case "readq":
                ReadValue(w, SizeOf(w.Command[4]));
                break;
            case "read":
                ReadHex(w);
                break;
            case "b64read":
                ReadBase64(w);
                break;
            case "write":
                WriteHex(w);
                break;
            case "memset":
                Memset(w);
                break;
            case "b64write":
                WriteBase64(w);
                break;
            case "endianness":
                Reply("OK little\n");
                break;
            case "clock_step" when ClockEnabled:
                ClockStep(w);
                break;
            case "clock_set" when ClockEnabled:
                ClockSet(w);
                break;
            case "module_load":
                w.Word(1, "PREFIX");
                w.Word(2, "LIBNAME");
                Reply("FAIL\n");
                break;
            default:
                Reply($"FAIL Unknown command '{w.Command}'\n");
                break;
        }
    }

    private void ClockStep(QtestWords w)
    {
        var time = _machine.Time;
        var now = time.NowNs;
        var ns = w.Has(1) ? w.I64(1, "NS") : time.VirtualTimers.DeadlineDeltaNs();

        // qtest_clock_warp(now + ns): nothing happens for a target in the past (no deadline gives ns = -1).
        if (ns > 0)
        {
            time.SetVirtualNs(now > long.MaxValue - ns ? long.MaxValue : now + ns);
        }

        Reply($"OK {time.NowNs}\n");
    }

    private void ClockSet(QtestWords w)
    {
        var target = w.I64(1, "NS");
        var time = _machine.Time;
        if (target > time.NowNs)
        {
            time.SetVirtualNs(target);
        }

        Reply($"OK {time.NowNs}\n");
    }

    /// <summary>A reply or IRQ line: logged with the "[S +t] " prefix while a connection is open.</summary>
    private void Reply(string text)
    {
        if (_opened)
        {
            _log?.Sent(text);
        }

        _send(text);
    }

    /// <summary>The first CPU's view (cpu-memory-0) when the board has one, else the system address space.</summary>
    private AddressSpace CpuSpace
    {
        get
        {
            if (_cpuSpace is null)
            {
                foreach (var space in _machine.Memory.AddressSpaces)
                {
                    if (space.Name == "cpu-memory-0")
                    {
                        _cpuSpace = space;
                        break;
                    }
                }
            }

            return _cpuSpace ?? _machine.AddressSpaceMemory;
        }
    }

    private static uint SizeOf(char suffix) => suffix switch
    {
        'b' => 1,
        'w' => 2,
        'l' => 4,
        _ => 8,
    };

    private static void WriteAll(Chardev chardev, string text)
    {
        ReadOnlySpan<byte> bytes = Encoding.Latin1.GetBytes(text);
        for (var attempts = 0; bytes.Length > 0 && attempts < 1024; attempts++)
        {
            var written = chardev.Write(bytes);
            bytes = bytes[Math.Max(written, 0)..];
        }
    }
}
