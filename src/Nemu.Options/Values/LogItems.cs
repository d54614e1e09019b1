// Implements: management.md §8.1; QEMU 7.2 util/log.c qemu_log_items/qemu_str_to_log_mask and
// qemu_print_log_usage. An invalid list (any unknown or empty item, "help" included) makes QEMU print the
// usage to stdout and exit 1. "invalid_mem" is the 10.0 item, listed because Nemu.Core has it.
using System.Text;
using Nemu.Core.Logging;

namespace Nemu.Options.Values;

/// <summary>The <c>-d</c> item table and parser.</summary>
public static class LogItems
{
    /// <summary>One <c>-d</c> item: name, mask bit, QEMU's description (may wrap to a second line).</summary>
    public sealed record Item(string Name, LogItem Mask, string Description);

    /// <summary>The items in QEMU's order.</summary>
    public static readonly IReadOnlyList<Item> All =
    [
        new("out_asm", LogItem.OutAsm, "show generated host assembly code for each compiled TB"),
        new("in_asm", LogItem.InAsm, "show target assembly code for each compiled TB"),
        new("op", LogItem.Op, "show micro ops for each compiled TB"),
        new("op_opt", LogItem.OpOpt, "show micro ops after optimization"),
        new("op_ind", LogItem.OpInd, "show micro ops before indirect lowering"),
        new("int", LogItem.Int, "show interrupts/exceptions in short format"),
        new("exec", LogItem.Exec, "show trace before each executed TB (lots of logs)"),
        new("cpu", LogItem.Cpu, "show CPU registers before entering a TB (lots of logs)"),
        new("fpu", LogItem.Fpu, "include FPU registers in the 'cpu' logging"),
        new("mmu", LogItem.Mmu, "log MMU-related activities"),
        new("pcall", LogItem.Pcall, "x86 only: show protected mode far calls/returns/exceptions"),
        new("cpu_reset", LogItem.CpuReset, "show CPU state before CPU resets"),
        new("unimp", LogItem.Unimp, "log unimplemented functionality"),
        new("guest_errors", LogItem.GuestErrors, "log when the guest OS does something invalid (eg accessing a\nnon-existent register)"),
        new("page", LogItem.Page, "dump pages at beginning of user mode emulation"),
        new("nochain", LogItem.Nochain, "do not chain compiled TBs so that \"exec\" and \"cpu\" show\ncomplete traces"),
        new("plugin", LogItem.Plugin, "output from TCG plugins\n"),
        new("strace", LogItem.Strace, "log every user-mode syscall, its input, and its result"),
        new("tid", LogItem.Tid, "open a separate log file per thread; filename must contain '%d'"),
        new("invalid_mem", LogItem.InvalidMem, "log invalid memory accesses"),
    ];

    /// <summary>The text QEMU prints to stdout for <c>-d help</c> or an invalid list (with trailing newline).</summary>
    public static string Usage()
    {
        var sb = new StringBuilder("Log items (comma separated):\n");
        foreach (var item in All)
        {
            sb.Append(item.Name.PadRight(15)).Append(' ').Append(item.Description).Append('\n');
        }

        sb.Append("trace:PATTERN   enable trace events\n");
        sb.Append("\nUse \"-d trace:help\" to get a list of trace events.\n\n");
        return sb.ToString();
    }

    /// <summary>
    /// Parses an item list. <c>all</c> selects every item; <c>trace:PATTERN</c> items go to
    /// <paramref name="tracePatterns"/>. Returns false for an invalid list (QEMU prints <see cref="Usage"/>, exits 1).
    /// </summary>
    public static bool TryParse(string text, out LogItem mask, out IReadOnlyList<string> tracePatterns)
    {
        mask = LogItem.None;
        var patterns = new List<string>();
        tracePatterns = patterns;
        foreach (var part in text.Split(','))
        {
            if (part.StartsWith("trace:", StringComparison.Ordinal))
            {
                patterns.Add(part["trace:".Length..]);
                continue;
            }

            if (part == "all")
            {
                foreach (var item in All)
                {
                    mask |= item.Mask;
                }

                continue;
            }

            var found = false;
            foreach (var item in All)
            {
                if (item.Name == part)
                {
                    mask |= item.Mask;
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                mask = LogItem.None;
                patterns.Clear();
                return false;
            }
        }

        return true;
    }

    /// <summary>Parses an item list or throws <see cref="OptionsException"/> carrying the usage text for stdout.</summary>
    public static LogItem Parse(string text, out IReadOnlyList<string> tracePatterns)
    {
        if (TryParse(text, out var mask, out tracePatterns))
        {
            return mask;
        }

        throw new OptionsException($"invalid log item list '{text}'", usageText: Usage());
    }
}
