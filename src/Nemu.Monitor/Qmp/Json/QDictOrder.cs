namespace Nemu.Monitor.Qmp.Json;

/// <summary>
/// Reorders object members into the order QEMU prints a QDict (qobject/qdict.c): QDict is a hash
/// table of 512 buckets indexed by tdb_hash(key) % 512, iterated bucket by bucket, and each bucket
/// lists its entries newest first. Given members in the order QEMU inserts them (for QAPI types the
/// schema's member order), the result prints byte for byte as QEMU does: a StatusInfo built as
/// running, singlestep, status prints <c>{"status": ..., "singlestep": ..., "running": ...}</c>, a
/// reply prints <c>{"return": ..., "id": ...}</c> but <c>{"id": ..., "error": ...}</c> (management.md
/// §2.3 "Member order"). Clients must not depend on this; it only makes transcripts comparable.
/// </summary>
public static class QDictOrder
{
    private const int BucketCount = 512;

    /// <summary>
    /// <paramref name="value"/> with every object (recursively) in QDict iteration order, taking each
    /// object's current member order as the insertion order.
    /// </summary>
    public static JsonValue Apply(JsonValue value) => value switch
    {
        JsonObject obj => new JsonObject(obj.Members
            .Select((m, index) => (Member: new KeyValuePair<string, JsonValue>(m.Key, Apply(m.Value)), index, Bucket: Bucket(m.Key)))
            .OrderBy(e => e.Bucket)
            .ThenByDescending(e => e.index)
            .Select(e => e.Member)),
        JsonArray array => new JsonArray(array.Items.Select(Apply)),
        _ => value,
    };

    /// <summary>The QDict bucket of <paramref name="key"/>: tdb_hash (from Samba's TDB) modulo 512.</summary>
    public static int Bucket(string key)
    {
        // Keys are C strings of modified UTF-8: NUL is C0 80.
        var encoded = new List<byte>(key.Length);
        Span<byte> buffer = stackalloc byte[4];
        foreach (var rune in key.EnumerateRunes())
        {
            if (rune.Value == 0)
            {
                encoded.Add(0xC0);
                encoded.Add(0x80);
                continue;
            }

            var length = rune.EncodeToUtf8(buffer);
            for (var i = 0; i < length; i++)
            {
                encoded.Add(buffer[i]);
            }
        }

        unchecked
        {
            var hash = 0x238F13AFu * (uint)encoded.Count;
            for (var i = 0; i < encoded.Count; i++)
            {
                hash += (uint)encoded[i] << (i * 5 % 24);
            }

            return (int)((1103515243u * hash + 12345u) % BucketCount);
        }
    }
}
