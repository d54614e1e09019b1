// Implements: management.md §1.2; QEMU 7.2 system/vl.c lookup_opt: an argv element starting with '-' is an
// option ("--opt" equals "-opt"), an option with an argument takes the next element whatever it is, and
// any other element is a disk image (-hda).
namespace Nemu.Options.CommandLine;

/// <summary>Splits argv into ordered option occurrences with QEMU's errors.</summary>
public static class CommandLineSplitter
{
    /// <summary>
    /// Splits <paramref name="args"/> (without the program name). Throws <see cref="OptionsException"/>:
    /// <c>-foo: invalid option</c>, <c>-m: requires an argument</c>.
    /// </summary>
    public static IReadOnlyList<CommandLineOption> Split(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var result = new List<CommandLineOption>();
        var i = 0;
        while (i < args.Count)
        {
            var typed = args[i++];
            if (!typed.StartsWith('-'))
            {
                result.Add(new CommandLineOption(OptionTable.Get("hda"), "-hda", typed));
                continue;
            }

            var name = typed.StartsWith("--", StringComparison.Ordinal) ? typed[2..] : typed[1..];
            var spec = OptionTable.Find(name) ?? throw new OptionsException("invalid option", typed);
            string? argument = null;
            if (spec.HasArgument)
            {
                if (i >= args.Count)
                {
                    throw new OptionsException("requires an argument", typed);
                }

                argument = args[i++];
            }

            result.Add(new CommandLineOption(spec, typed, argument));
        }

        return result;
    }
}
