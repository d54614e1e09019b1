// The HMP commands of QEMU 7.2 that select a CPU, evaluate expressions and start the gdb stub (monitor/misc.c
// hmp_cpu/do_print/hmp_gdbserver as qemu-system-arm 7.2 prints them; management.md §3):
// - `cpu N` makes CPU N the monitor's current CPU ("invalid CPU index" when there is none; N is an args_type 'i',
//   so 0xffffffff is -1 and also invalid);
// - `print|p /fmt expr` prints the 64-bit value: %#o, %#x (C's '#' prints 0 without a prefix), %u, %d by default
//   (any other format letter, e.g. 'i', prints decimal), or 'c' as a quoted character with \x escapes; the count and
//   size of /fmt are parsed (and become x's defaults) but not used. `p $pc` fails with "unknown register" on Arm:
//   QEMU 7.2 has no monitor register table for Arm.
// - `gdbserver [dev]` starts the stub on dev (default tcp::1234) or stops it for `none`.
namespace Nemu.Monitor.Hmp;

/// <summary>Handlers of <c>cpu</c>, <c>print|p</c> and <c>gdbserver</c>.</summary>
internal static class HmpDebugCommands
{
    /// <summary>QEMU's DEFAULT_GDBSTUB_PORT device.</summary>
    public const string DefaultGdbDevice = "tcp::1234";

    public static void Cpu(HmpSession session, HmpArguments args)
    {
        // The argument is 32 bits (the parser checked); QEMU keeps it in an int.
        var index = unchecked((int)(uint)args.Integer("index"));
        if (index < 0 || index >= session.Machine.CpuCount)
        {
            session.Print("invalid CPU index\n");
            return;
        }

        session.CurrentCpu = index;
    }

    public static void Print(HmpSession session, HmpArguments args)
    {
        var (_, format, _) = args.Format("fmt");
        session.Print(FormatValue(format, args.Integer("val")) + "\n");
    }

    public static void GdbServer(HmpSession session, HmpArguments args)
    {
        var device = args.String("device") ?? DefaultGdbDevice;
        var error = session.Machine.StartGdbServer(device);
        if (error is not null)
        {
            session.Print(error.Length > 0 ? $"{error}\nCould not open gdbserver on device '{device}'\n" : $"Could not open gdbserver on device '{device}'\n");
        }
        else if (device == "none")
        {
            session.Print("Disabled gdbserver\n");
        }
        else
        {
            session.Print($"Waiting for gdb connection on device '{device}'\n");
        }
    }

    /// <summary>do_print's text for one value (without the newline).</summary>
    internal static string FormatValue(char format, ulong value) => format switch
    {
        'o' => value == 0 ? "0" : "0" + Convert.ToString(unchecked((long)value), 8),
        'x' => value == 0 ? "0" : "0x" + value.ToString("x", global::System.Globalization.CultureInfo.InvariantCulture),
        'u' => value.ToString(global::System.Globalization.CultureInfo.InvariantCulture),
        'c' => QuotedChar(unchecked((int)value)),
        _ => unchecked((long)value).ToString(global::System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>monitor_printc: the value as an int, quoted, printable ASCII as itself, the rest escaped.</summary>
    private static string QuotedChar(int c) => c switch
    {
        '\'' => "'\\''",
        '\\' => "'\\\\'",
        '\n' => "'\\n'",
        '\r' => "'\\r'",
        >= 32 and <= 126 => $"'{(char)c}'",
        _ => $"'\\x{unchecked((uint)c).ToString("x2", global::System.Globalization.CultureInfo.InvariantCulture)}'",
    };
}
