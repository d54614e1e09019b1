// Implements: management.md §1.2 (-smp); QEMU 7.2 hw/core/machine.c SMPConfiguration as visited from the
// "smp-opts" QemuOpts: every value must be an integer ("Parameter 'smp.cpus' expects integer") and unknown
// keys are "unexpected". QEMU reports these without a command-line location. Not modelled: topology checks.
using Nemu.Core.Text;
using Nemu.Options.Syntax;

namespace Nemu.Options.Values;

/// <summary>The <c>-smp</c> topology; null members were not given.</summary>
public sealed record SmpOptions(long? Cpus, long? Sockets, long? Dies, long? Clusters, long? Cores, long? Threads, long? MaxCpus)
{
    private static readonly string[] Keys = ["cpus", "sockets", "dies", "clusters", "cores", "threads", "maxcpus"];

    /// <summary>Parses one <c>-smp</c> argument; throws <see cref="OptionsException"/> without location.</summary>
    public static SmpOptions Parse(string text)
    {
        var opts = OptsParser.Parse(text, OptionGroups.Smp);
        var values = new long?[Keys.Length];
        foreach (var e in opts.Entries)
        {
            var index = Array.IndexOf(Keys, e.Key);
            if (index < 0)
            {
                throw new OptionsException($"Parameter 'smp.{e.Key}' is unexpected");
            }

            values[index] = ParseInt(e.Key, e.Value);
        }

        return new SmpOptions(values[0], values[1], values[2], values[3], values[4], values[5], values[6]);
    }

    private static long ParseInt(string key, string text)
    {
        // The keyval input visitor's int64: qemu_strtoi64 base 0 over the whole value.
        if (QemuStrtol.Strtoi64(text, 0, out var value) != QemuParseStatus.Ok)
        {
            throw new OptionsException($"Parameter 'smp.{key}' expects integer");
        }

        return value;
    }
}
