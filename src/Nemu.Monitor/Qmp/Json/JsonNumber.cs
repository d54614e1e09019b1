namespace Nemu.Monitor.Qmp.Json;

/// <summary>
/// A JSON number as QEMU's QNum (qobject/qnum.c): an int64, a uint64 or a double. The parser picks int64
/// when the integer fits, else uint64 for non-negative integers, else double (json-parser.c
/// parse_literal). Equality compares kind and value.
/// </summary>
public sealed record JsonNumber : JsonValue
{
    private readonly long _int64;
    private readonly ulong _uint64;
    private readonly double _double;

    private JsonNumber(JsonNumberKind kind, long i, ulong u, double d)
    {
        Kind = kind;
        _int64 = i;
        _uint64 = u;
        _double = d;
    }

    /// <summary>The representation held.</summary>
    public JsonNumberKind Kind { get; }

    /// <summary>An int64 number (qnum_from_int).</summary>
    public static JsonNumber FromInt64(long value) => new(JsonNumberKind.Int64, value, 0, 0);

    /// <summary>A uint64 number (qnum_from_uint).</summary>
    public static JsonNumber FromUInt64(ulong value) => new(JsonNumberKind.UInt64, 0, value, 0);

    /// <summary>A double number (qnum_from_double).</summary>
    public static JsonNumber FromDouble(double value) => new(JsonNumberKind.Double, 0, 0, value);

    /// <summary>The value as int64 if it is one exactly (qnum_get_try_int: a uint64 up to INT64_MAX too).</summary>
    public bool TryGetInt64(out long value)
    {
        switch (Kind)
        {
            case JsonNumberKind.Int64:
                value = _int64;
                return true;
            case JsonNumberKind.UInt64 when _uint64 <= long.MaxValue:
                value = (long)_uint64;
                return true;
            default:
                value = 0;
                return false;
        }
    }

    /// <summary>The value as uint64 if it is one exactly (qnum_get_try_uint: a non-negative int64 too).</summary>
    public bool TryGetUInt64(out ulong value)
    {
        switch (Kind)
        {
            case JsonNumberKind.UInt64:
                value = _uint64;
                return true;
            case JsonNumberKind.Int64 when _int64 >= 0:
                value = (ulong)_int64;
                return true;
            default:
                value = 0;
                return false;
        }
    }

    /// <summary>The value as a double, with precision loss beyond 53 bits (qnum_get_double).</summary>
    public double AsDouble() => Kind switch
    {
        JsonNumberKind.Int64 => _int64,
        JsonNumberKind.UInt64 => _uint64,
        _ => _double,
    };

    /// <inheritdoc/>
    public override string ToString() => JsonWriter.Write(this);
}
