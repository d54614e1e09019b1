using System.Diagnostics.CodeAnalysis;

namespace Nemu.Monitor.Qmp.Json;

/// <summary>
/// A JSON object (QEMU's QDict) whose members keep the order given. Keys are unique (the parser
/// rejects duplicates as QEMU does: "duplicate key"). Compares member by member, in order.
/// </summary>
public sealed record JsonObject : JsonValue
{
    private readonly KeyValuePair<string, JsonValue>[] _members;

    /// <summary>An object of <paramref name="members"/>; a repeated key throws <see cref="ArgumentException"/>.</summary>
    public JsonObject(IEnumerable<KeyValuePair<string, JsonValue>> members)
    {
        _members = members.ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in _members)
        {
            if (!seen.Add(member.Key))
            {
                throw new ArgumentException($"duplicate key '{member.Key}'", nameof(members));
            }
        }
    }

    /// <summary>An object of <paramref name="members"/> given as (key, value) pairs.</summary>
    public JsonObject(params (string Key, JsonValue Value)[] members)
        : this(members.Select(m => new KeyValuePair<string, JsonValue>(m.Key, m.Value)))
    {
    }

    /// <summary>The members in order.</summary>
    public IReadOnlyList<KeyValuePair<string, JsonValue>> Members => _members;

    /// <summary>Member count.</summary>
    public int Count => _members.Length;

    /// <summary>The value of <paramref name="key"/>, or null when absent.</summary>
    public JsonValue? this[string key] => TryGetValue(key, out var value) ? value : null;

    /// <summary>Looks <paramref name="key"/> up.</summary>
    public bool TryGetValue(string key, [NotNullWhen(true)] out JsonValue? value)
    {
        foreach (var member in _members)
        {
            if (string.Equals(member.Key, key, StringComparison.Ordinal))
            {
                value = member.Value;
                return true;
            }
        }

        value = null;
        return false;
    }

    /// <inheritdoc/>
    public bool Equals(JsonObject? other)
    {
        if (other is null || other._members.Length != _members.Length)
        {
            return false;
        }

        for (var i = 0; i < _members.Length; i++)
        {
            if (!string.Equals(_members[i].Key, other._members[i].Key, StringComparison.Ordinal)
                || !_members[i].Value.Equals(other._members[i].Value))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var member in _members)
        {
            hash.Add(member.Key);
            hash.Add(member.Value);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc/>
    public override string ToString() => JsonWriter.Write(this);
}
