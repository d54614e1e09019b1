// Implements: management.md §1.2 (-m); QEMU 7.2 system/vl.c parse_memory_options: "size" with the legacy
// rule that a value ending in a digit is in MiB (so "-m 16" and "-m 0x10" are MiB), slots and maxmem.
// Not modelled: the machine checks (maxmem >= size, fixed-RAM boards), done by the System layer.
using Nemu.Options.Syntax;

namespace Nemu.Options.Values;

/// <summary>The <c>-m</c> settings; null members were not given.</summary>
public sealed record MemoryOptions(ulong? Size, ulong? Slots, ulong? MaxMem)
{
    /// <summary>Parses one <c>-m</c> argument; throws <see cref="OptionsException"/>.</summary>
    public static MemoryOptions Parse(string text) => FromEntries(OptsParser.Parse(text, OptionGroups.Memory).Entries);

    /// <summary>Interprets the merged items of all <c>-m</c> options (QEMU merges them; the last key wins).</summary>
    public static MemoryOptions FromEntries(IReadOnlyList<OptionEntry> entries)
    {
        string? size = null;
        string? slots = null;
        string? maxmem = null;
        foreach (var e in entries)
        {
            switch (e.Key)
            {
                case "size": size = e.Value; break;
                case "slots": slots = e.Value; break;
                case "maxmem": maxmem = e.Value; break;
            }
        }

        ulong? sizeBytes = null;
        if (size is not null)
        {
            var suffix = size.Length > 0 && char.IsAsciiDigit(size[^1]) ? 'M' : 'B';
            sizeBytes = QemuSize.TryParse(size, suffix, out var v) switch
            {
                QemuSize.Status.Ok => v,
                QemuSize.Status.OutOfRange => throw new OptionsException($"Value '{size}' is out of range for parameter 'size'"),
                _ => throw new OptionsException("Parameter 'size' expects a non-negative number below 2^64", hint: QemuSize.Hint),
            };
        }

        return new MemoryOptions(
            sizeBytes,
            slots is null ? null : QemuNumber.Parse("slots", slots),
            maxmem is null ? null : QemuSize.Parse("maxmem", maxmem));
    }
}
