// The slot layout of a GLib 2.74 GHashTable with string keys (glib/ghash.c as shipped in Debian bookworm,
// 2.74.6; g_str_hash in glib/ghash.c), kept only to know the order in which QEMU iterates one. QEMU lists the
// children of a QOM container (object_child_foreach over Object.properties, a GHashTable made with
// g_str_hash/g_str_equal) in slot order, so `query-chardev` and `info chardev` come out in this order, reversed
// (qmp_query_chardev prepends each chardev to its list). Rules reproduced:
//  - size 2^shift (shift >= 3, initially 8), mod = the largest prime below size; a key's first slot is
//    (hash * 11) % mod, then triangular probing (step 1, 2, 3, ... added to the index, masked by size - 1);
//  - hashes 0 and 1 mean unused and tombstone, so a key hashing to 0 or 1 is stored as 2;
//  - insertion takes the first tombstone on the probe path, else the unused slot that ends it; filling an
//    unused slot counts as occupied; removal leaves a tombstone;
//  - after an insertion into an unused slot, and after g_hash_table_remove (not g_hash_table_iter_remove, which
//    QOM uses to unparent a child), the table resizes when
//    (size > 4 * nnodes and size > 8) or size <= noccupied + noccupied / 16; the new shift is the bit length of
//    (int)(nnodes * 1.333), at least 3;
//  - the resize is GLib's in-place one: slots below the old size are visited in order; tombstones are
//    cleared; an entry not yet placed is taken out and put at the first slot of its new probe path not yet
//    claimed in this resize, evicting the entry there (which is placed next, the same way).
// Not modelled: values, key replacement by equal keys (QOM refuses duplicate children), the integer-array
// small-key optimisation (it does not change positions).
using System.Text;

namespace Nemu.Chardevs;

/// <summary>
/// A model of a GLib <c>GHashTable</c> keyed by strings that tracks only where each key sits, so that
/// <see cref="Keys"/> enumerates them in the order <c>g_hash_table_iter_next</c> would.
/// </summary>
public sealed class GHashTableOrder
{
    private const int MinShift = 3;
    private const uint Unused = 0;
    private const uint Tombstone = 1;

    // glib's prime_mod: the largest prime below 1 << shift.
    private static readonly int[] PrimeMod =
    [
        1, 2, 3, 7, 13, 31, 61, 127, 251, 509, 1021, 2039, 4093, 8191, 16381, 32749, 65521, 131071, 262139,
        524287, 1048573, 2097143, 4194301, 8388593, 16777213, 33554393, 67108859, 134217689, 268435399,
        536870909, 1073741789, 2147483647,
    ];

    private uint[] _hashes = [];
    private string?[] _keys = [];
    private int _size;
    private uint _mod;
    private uint _mask;
    private int _nodeCount;
    private int _occupied;

    public GHashTableOrder()
    {
        SetShift(MinShift);
        _hashes = new uint[_size];
        _keys = new string?[_size];
    }

    /// <summary>The number of keys.</summary>
    public int Count => _nodeCount;

    /// <summary>The number of slots (a power of two, at least 8).</summary>
    public int Size => _size;

    /// <summary>The keys in iteration (slot) order.</summary>
    public IEnumerable<string> Keys
    {
        get
        {
            for (var i = 0; i < _size; i++)
            {
                if (_hashes[i] > Tombstone)
                {
                    yield return _keys[i]!;
                }
            }
        }
    }

    /// <summary>
    /// The iteration order of a table into which <paramref name="keys"/> were inserted in this order (none removed).
    /// </summary>
    public static IReadOnlyList<string> IterationOrder(IEnumerable<string> keys)
    {
        var table = new GHashTableOrder();
        foreach (var key in keys)
        {
            table.Insert(key);
        }

        return [.. table.Keys];
    }

    /// <summary>g_str_hash: djb2 (h * 33 + c, from 5381) over the UTF-8 bytes taken as signed chars.</summary>
    public static uint StrHash(string key)
    {
        var h = 5381u;
        foreach (var b in Encoding.UTF8.GetBytes(key))
        {
            h = (h << 5) + h + unchecked((uint)(sbyte)b);
        }

        return h;
    }

    /// <summary>g_hash_table_insert of a new key; a key already present keeps its slot.</summary>
    public void Insert(string key)
    {
        var index = LookupNode(key, out var hash);
        var oldHash = _hashes[index];
        if (oldHash > Tombstone)
        {
            return;
        }

        _hashes[index] = hash;
        _keys[index] = key;
        _nodeCount++;
        if (oldHash == Unused)
        {
            _occupied++;
            MaybeResize();
        }
    }

    /// <summary>g_hash_table_remove (may shrink or clean the table): false if <paramref name="key"/> is absent.</summary>
    public bool Remove(string key) => Remove(key, resize: true);

    /// <summary>
    /// g_hash_table_iter_remove on the key's slot: a tombstone and no resize. This is how QOM unparents a child
    /// (object_property_del_child), so removing a chardev never shrinks /chardevs.
    /// </summary>
    public bool IterRemove(string key) => Remove(key, resize: false);

    private bool Remove(string key, bool resize)
    {
        var index = LookupNode(key, out _);
        if (_hashes[index] <= Tombstone)
        {
            return false;
        }

        _hashes[index] = Tombstone;
        _keys[index] = null;
        _nodeCount--;
        if (resize)
        {
            MaybeResize();
        }

        return true;
    }

    /// <summary>g_hash_table_remove_all: empties the table, which then shrinks back to 8 slots.</summary>
    public void Clear()
    {
        Array.Clear(_hashes);
        Array.Clear(_keys);
        _nodeCount = 0;
        _occupied = 0;
        MaybeResize();
    }

    private uint HashToIndex(uint hash) => unchecked(hash * 11) % _mod;

    /// <summary>g_hash_table_lookup_node: the key's slot, else the first tombstone on its path, else the unused slot ending it.</summary>
    private uint LookupNode(string key, out uint hash)
    {
        hash = StrHash(key);
        if (hash <= Tombstone)
        {
            hash = 2;
        }

        var index = HashToIndex(hash);
        var step = 0u;
        var firstTombstone = 0u;
        var haveTombstone = false;
        while (_hashes[index] != Unused)
        {
            if (_hashes[index] == hash && _keys[index] == key)
            {
                return index;
            }

            if (_hashes[index] == Tombstone && !haveTombstone)
            {
                firstTombstone = index;
                haveTombstone = true;
            }

            step++;
            index = (index + step) & _mask;
        }

        return haveTombstone ? firstTombstone : index;
    }

    private void MaybeResize()
    {
        if ((_size > _nodeCount * 4 && _size > 1 << MinShift) || _size <= _occupied + (_occupied / 16))
        {
            Resize();
        }
    }

    private void Resize()
    {
        var oldSize = _size;
        var shift = 0;
        for (var n = (int)(_nodeCount * 1.333); n != 0; n >>= 1)
        {
            shift++;
        }

        SetShift(Math.Max(shift, MinShift));
        var slots = Math.Max(_size, oldSize);
        Array.Resize(ref _hashes, slots);
        Array.Resize(ref _keys, slots);
        var placed = new bool[slots];
        for (var i = 0; i < oldSize; i++)
        {
            var nodeHash = _hashes[i];
            if (nodeHash <= Tombstone)
            {
                _hashes[i] = Unused;
                continue;
            }

            if (placed[i])
            {
                continue;
            }

            _hashes[i] = Unused;
            var key = _keys[i];
            _keys[i] = null;
            while (true)
            {
                var index = HashToIndex(nodeHash);
                var step = 0u;
                while (placed[index])
                {
                    step++;
                    index = (index + step) & _mask;
                }

                placed[index] = true;
                var replacedHash = _hashes[index];
                var replacedKey = _keys[index];
                _hashes[index] = nodeHash;
                _keys[index] = key;
                if (replacedHash <= Tombstone)
                {
                    break;
                }

                nodeHash = replacedHash;
                key = replacedKey;
            }
        }

        Array.Resize(ref _hashes, _size);
        Array.Resize(ref _keys, _size);
        _occupied = _nodeCount;
    }

    private void SetShift(int shift)
    {
        _size = 1 << shift;
        _mod = (uint)PrimeMod[shift];
        _mask = (uint)_size - 1;
    }
}
