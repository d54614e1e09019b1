namespace Nemu.Monitor.Qmp.Json;

/// <summary>Which representation a <see cref="JsonNumber"/> holds (QEMU's QNumKind).</summary>
public enum JsonNumberKind
{
    /// <summary>QNUM_I64: an integer that fits int64.</summary>
    Int64,

    /// <summary>QNUM_U64: a non-negative integer above int64's range that fits uint64.</summary>
    UInt64,

    /// <summary>QNUM_DOUBLE: a number with a fraction or exponent, or an integer beyond 64 bits.</summary>
    Double,
}
