// Implements: what QEMU's load_symbols/lookup_symbol (hw/core/loader.c, include/hw/elf_ops.h) provide for
// "-d in_asm" ("IN: reset_handler"): STT_FUNC symbols with a size, bit 0 cleared for Arm (Thumb bit),
// looked up by containment. Not modelled: zero-size symbols and non-function symbols.
namespace Nemu.Loader.Elf;

/// <summary>Function symbols sorted by address; lookups do not allocate.</summary>
public sealed class SymbolTable
{
    private readonly ElfSymbol[] _symbols;

    public SymbolTable(IEnumerable<ElfSymbol> symbols)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        _symbols = symbols.Where(s => s.Size != 0).OrderBy(s => s.Address).ThenBy(s => s.Name, StringComparer.Ordinal).ToArray();
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
