// Implements: the layout of QEMU's `-h` (qemu-options.hx help text), `-version` and QemuOpts option lists
// (qemu_opts_print_help), with Nemu's own wording and only the options Nemu has.
using System.Text;
using Nemu.Core;
using Nemu.Options.Syntax;

namespace Nemu.Options.CommandLine;

/// <summary>Texts printed for <c>-h</c>, <c>-version</c> and group help, each ending with a newline.</summary>
public static class HelpText
{
    /// <summary><c>Nemu emulator version X.Y.Z</c> and the copyright line.</summary>
    public static string Version() =>
        $"Nemu emulator version {NemuVersion.Text}\nCopyright (c) 2026 the Nemu project developers\n";

    /// <summary>The <c>-h</c> text for <paramref name="programName"/>.</summary>
    public static string Usage(string programName)
    {
        var sb = new StringBuilder(Version());
        sb.Append($"usage: {programName} [options] [disk_image]\n\n");
        sb.Append("'disk_image' is a raw hard disk image for IDE hard disk 0\n\n");
        sb.Append("Standard options:\n");
        foreach (var spec in OptionTable.All)
        {
            sb.Append(spec.Summary).Append('\n');
        }

        sb.Append("\nDuring emulation, the following keys are useful with -nographic:\n");
        sb.Append("ctrl-a h        print help\nctrl-a x        exit emulator\nctrl-a c        switch between console and monitor\n");
        sb.Append("\nAll options also accept a double dash (--machine).\n");
        return sb.ToString();
    }

    /// <summary>QEMU's <c>NAME options:</c> list for a fixed group (e.g. <c>-rtc help</c>), keys sorted.</summary>
    public static string GroupOptions(OptionGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        var sb = new StringBuilder($"{group.Name} options:\n");
        var keys = group.Parameters.Keys.ToList();
        keys.Sort(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var type = group.Parameters[key] switch
            {
                OptionType.Bool => "bool (on/off)",
                OptionType.Number => "num",
                OptionType.Size => "size",
                _ => "str",
            };
            sb.Append($"  {key}=<{type}>\n");
        }

        return sb.ToString();
    }
}
