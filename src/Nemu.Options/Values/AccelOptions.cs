// Implements: management.md §1.2 (-accel); QEMU 7.2 system/vl.c do_configure_accelerator and
// accel/tcg/tcg-all.c properties (thread=single|multi, tb-size, split-wx). Nemu offers tcg and qtest only:
// any other name (kvm, xen, hvf, ...) is "invalid accelerator NAME", as 7.2 built without it says.
using Nemu.Options.Syntax;

namespace Nemu.Options.Values;

/// <summary>One <c>-accel</c> option: the accelerator name and its properties.</summary>
public sealed record AccelOptions(string Name, IReadOnlyList<OptionEntry> Properties)
{
    /// <summary>The accelerators this binary has, in <c>-accel help</c> order.</summary>
    public static readonly IReadOnlyList<string> Available = ["tcg", "qtest"];

    /// <summary>Parses and validates an argument; <c>help</c> must be detected before (see HelpDetector).</summary>
    public static AccelOptions Parse(string text)
    {
        var opts = OptsParser.Parse(text, OptionGroups.Accel);
        var name = opts.Get("accel") ?? throw new OptionsException("No accelerator selected");
        if (!Available.Contains(name))
        {
            throw new OptionsException($"invalid accelerator {name}");
        }

        var props = new List<OptionEntry>();
        foreach (var e in opts.Entries)
        {
            if (e.Key == "accel")
            {
                continue;
            }

            if (name != "tcg" || e.Key is not ("thread" or "tb-size" or "split-wx"))
            {
                throw new OptionsException($"Property '{name}-accel.{e.Key}' not found");
            }

            if (e.Key == "thread" && e.Value is not ("single" or "multi"))
            {
                throw new OptionsException($"Invalid 'thread' setting {e.Value}");
            }

            if (e.Key == "split-wx")
            {
                QemuBool.Parse(e.Key, e.Value);
            }

            props.Add(e);
        }

        if (opts.HelpRequested)
        {
            throw new OptionsException($"Property '{name}-accel.help' not found");
        }

        return new AccelOptions(name, props);
    }
}
