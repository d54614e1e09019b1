namespace Nemu.Monitor.Qmp.Json;

/// <summary>A JSON array (QEMU's QList). Compares element by element.</summary>
public sealed record JsonArray : JsonValue
{
    /// <summary>An array of <paramref name="items"/>.</summary>
    public JsonArray(IEnumerable<JsonValue> items)
    {
        Items = items.ToArray();
    }

    /// <summary>An array of <paramref name="items"/>.</summary>
    public JsonArray(params JsonValue[] items)
        : this((IEnumerable<JsonValue>)items)
    {
    }

    /// <summary>The elements in order.</summary>
    public IReadOnlyList<JsonValue> Items { get; }

    /// <summary>Element count.</summary>
    public int Count => Items.Count;

    /// <summary>Element <paramref name="index"/>.</summary>
    public JsonValue this[int index] => Items[index];

    /// <inheritdoc/>
    public bool Equals(JsonArray? other) =>
        other is not null && (ReferenceEquals(this, other) || Items.SequenceEqual(other.Items));

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in Items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc/>
    public override string ToString() => JsonWriter.Write(this);
}
