// Implements: the parsed form of one option argument (QEMU's QemuOpts instance / keyval QDict): items in
// command-line order; a repeated key is kept, and a lookup returns the last one (qemu_opt_find searches
// from the tail).
using Nemu.Options.Values;

namespace Nemu.Options.Syntax;

/// <summary>The items of one option argument, after syntax checking and per-type validation.</summary>
public sealed class ParsedOptions
{
    public ParsedOptions(OptionGroup group, IReadOnlyList<OptionEntry> entries, IReadOnlyList<string> warnings, bool helpRequested)
    {
        Group = group;
        Entries = entries;
        Warnings = warnings;
        HelpRequested = helpRequested;
    }

    /// <summary>The group the argument was parsed against.</summary>
    public OptionGroup Group { get; }

    /// <summary>All items in order, repeats included.</summary>
    public IReadOnlyList<OptionEntry> Entries { get; }

    /// <summary>Deprecation warnings (already formatted, possibly two lines) the System layer prints to stderr.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>True when a <c>help</c> or <c>?</c> item appeared (<c>-device foo,help</c>).</summary>
    public bool HelpRequested { get; }

    /// <summary>The last value of <paramref name="key"/>, or null.</summary>
    public string? Get(string key)
    {
        for (var i = Entries.Count - 1; i >= 0; i--)
        {
            if (Entries[i].Key == key)
            {
                return Entries[i].Value;
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="key"/> was given.</summary>
    public bool Has(string key) => Get(key) is not null;

    /// <summary>All values of <paramref name="key"/> in order (for repeatable keys such as semihosting <c>arg</c>).</summary>
    public IReadOnlyList<string> GetAll(string key)
    {
        var list = new List<string>();
        foreach (var entry in Entries)
        {
            if (entry.Key == key)
            {
                list.Add(entry.Value);
            }
        }

        return list;
    }

    /// <summary>The last value as a boolean, or <paramref name="defaultValue"/> when absent.</summary>
    public bool GetBool(string key, bool defaultValue) => Get(key) is { } v ? QemuBool.Parse(key, v) : defaultValue;

    /// <summary>The last value as a number, or <paramref name="defaultValue"/> when absent.</summary>
    public ulong GetNumber(string key, ulong defaultValue) => Get(key) is { } v ? QemuNumber.Parse(key, v) : defaultValue;

    /// <summary>The last value as a size, or <paramref name="defaultValue"/> when absent.</summary>
    public ulong GetSize(string key, ulong defaultValue) => Get(key) is { } v ? QemuSize.Parse(key, v) : defaultValue;
}
