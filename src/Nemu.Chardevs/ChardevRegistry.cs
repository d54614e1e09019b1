// The chardevs of a machine by id (QEMU's /chardevs container, qemu_chr_find; management.md §6.1). QEMU lists them
// (qmp_query_chardev, and hmp_info_chardev over its result) by iterating the container's property hash table and
// prepending each to a list: ListingOrder reproduces that with GHashTableOrder, fed with the same additions and
// removals (a chardev is unparented with g_hash_table_iter_remove, which never resizes).
namespace Nemu.Chardevs;

/// <summary>Chardevs by id. Main loop or startup only.</summary>
public sealed class ChardevRegistry : IDisposable
{
    private readonly List<Chardev> _chardevs = [];
    private readonly GHashTableOrder _order = new();

    /// <summary>All chardevs in creation order.</summary>
    public IReadOnlyList<Chardev> All => _chardevs;

    /// <summary>All chardevs in the order QEMU's <c>query-chardev</c> and <c>info chardev</c> list them.</summary>
    public IReadOnlyList<Chardev> ListingOrder => [.. _order.Keys.Reverse().Select(id => Find(id)!)];

    /// <summary>True if <paramref name="id"/> is taken.</summary>
    public bool Contains(string id) => Find(id) is not null;

    /// <summary>The chardev with <paramref name="id"/>, or null.</summary>
    public Chardev? Find(string id) => _chardevs.Find(c => c.Id == id);

    /// <exception cref="ChardevException"><c>Duplicate ID 'ID' for chardev</c>.</exception>
    public void Add(Chardev chardev)
    {
        ThrowIfTaken(chardev.Id);
        _chardevs.Add(chardev);
        _order.Insert(chardev.Id);
    }

    /// <exception cref="ChardevException"><c>Duplicate ID 'ID' for chardev</c>.</exception>
    public void ThrowIfTaken(string id)
    {
        if (Contains(id))
        {
            throw new ChardevException($"Duplicate ID '{id}' for chardev");
        }
    }

    /// <summary>Removes and disposes the chardev with <paramref name="id"/> (chardev-remove); false if there is none.</summary>
    public bool Remove(string id)
    {
        var chardev = Find(id);
        if (chardev is null)
        {
            return false;
        }

        _chardevs.Remove(chardev);
        _order.IterRemove(id);
        chardev.Dispose();
        return true;
    }

    /// <summary>Disposes every chardev, newest first (a mux before its base).</summary>
    public void Dispose()
    {
        for (var i = _chardevs.Count - 1; i >= 0; i--)
        {
            _chardevs[i].Dispose();
        }

        _chardevs.Clear();
        _order.Clear();
    }
}
