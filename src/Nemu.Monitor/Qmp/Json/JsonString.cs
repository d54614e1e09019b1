namespace Nemu.Monitor.Qmp.Json;

/// <summary>
/// A JSON string (QEMU's QString). The value is Unicode text; characters beyond the BMP are surrogate
/// pairs as usual in .NET. A NUL character is allowed (QEMU carries it as modified UTF-8 <c>C0 80</c>).
/// </summary>
public sealed record JsonString(string Value) : JsonValue
{
    /// <inheritdoc/>
    public override string ToString() => JsonWriter.Write(this);
}
