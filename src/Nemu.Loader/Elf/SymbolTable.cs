// Implements: what QEMU's load_symbols/lookup_symbol (hw/core/loader.c, include/hw/elf_ops.h) provide for
// "-d in_asm" ("IN: reset_handler"): STT_FUNC symbols, bit 0 cleared for Arm (Thumb bit), sorted by address; a
// zero-size symbol (an assembler label without .size) extends to the next symbol's address, except the last one,
// which never matches; looked up by containment. Not modelled: non-function symbols (QEMU drops them too).
namespace Nemu.Loader.Elf;

/// <summary>Function symbols sorted by address; lookups do not allocate.</summary>
public sealed class SymbolTable
{
    private readonly ElfSymbol[] _symbols;

    public SymbolTable(IEnumerable<ElfSymbol> symbols)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        var sorted = symbols.OrderBy(s => s.Address).ThenBy(s => s.Name, StringComparer.Ordinal).ToArray();
        for (var i = 0; i < sorted.Length - 1; i++)
        {
            if (sorted[i].Size == 0)
            {
                sorted[i] = sorted[i] with { Size = sorted[i + 1].Address - sorted[i].Address };
            }
        }

        _symbols = sorted.Where(s => s.Size != 0).ToArray();
    }

    /// <summary>The table without symbols.</summary>
    public static SymbolTable Empty { get; } = new([]);

    /// <summary>The symbols in address order.</summary>
    public IReadOnlyList<ElfSymbol> Symbols => _symbols;

    /// <summary>The name of the function containing <paramref name="address"/>, or null.</summary>
    public string? Lookup(ulong address)
    {
        // The last symbol starting at or below the address; earlier ones may still contain it when nested,
        // so walk back a little (symbol ranges rarely overlap).
        int lo = 0, hi = _symbols.Length - 1, found = -1;
        while (lo <= hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (_symbols[mid].Address <= address)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        for (var i = found; i >= 0 && i > found - 8; i--)
        {
            var s = _symbols[i];
            if (address - s.Address < s.Size)
            {
                return s.Name;
            }
        }

        return null;
    }
}
