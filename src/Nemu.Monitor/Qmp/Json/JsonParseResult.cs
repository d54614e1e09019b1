namespace Nemu.Monitor.Qmp.Json;

/// <summary>
/// One item emitted by <see cref="JsonMessageParser"/>: either a complete top-level value or the error
/// text QEMU's QMP reports for it as the error <c>desc</c> (class GenericError, no <c>id</c>).
/// </summary>
public readonly record struct JsonParseResult(JsonValue? Value, string? Error)
{
    /// <summary>Whether this is an error.</summary>
    public bool IsError => Error is not null;

    /// <summary>A value result.</summary>
    public static JsonParseResult FromValue(JsonValue value) => new(value, null);

    /// <summary>An error result.</summary>
    public static JsonParseResult FromError(string error) => new(null, error);

    /// <inheritdoc/>
    public override string ToString() => IsError ? "error: " + Error : Value!.ToString();
}
