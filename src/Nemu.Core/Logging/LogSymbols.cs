// QEMU's lookup_symbol (disas.c, hw/core/loader.c): the names "-d in_asm" ("IN: main") and "-d exec"
// ("Trace 0: ... main") print for a guest address. Loaders register the symbol tables of the images they load;
// an address no table knows prints as the empty string, as in QEMU. Not modelled: per-CPU address spaces.
namespace Nemu.Core.Logging;

/// <summary>The process-wide guest symbol tables used by the CPU log items.</summary>
public static class LogSymbols
{
    private static readonly Lock Gate = new();
    private static Func<ulong, string?>[] _tables = [];

    /// <summary>Adds a symbol table (a lookup returning null for addresses it does not cover).</summary>
    public static void Register(Func<ulong, string?> lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        lock (Gate)
        {
            _tables = [.. _tables, lookup];
        }
    }

    /// <summary>Forgets every table (tests, or a new machine in the same process).</summary>
    public static void Clear()
    {
        lock (Gate)
        {
            _tables = [];
        }
    }

    /// <summary>The symbol containing <paramref name="address"/>, or "" (QEMU prints nothing after the colon).</summary>
    public static string Lookup(ulong address)
    {
        foreach (var table in _tables)
        {
            if (table(address) is { } name)
            {
                return name;
            }
        }

        return string.Empty;
    }
}
