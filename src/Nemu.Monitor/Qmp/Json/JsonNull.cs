namespace Nemu.Monitor.Qmp.Json;

/// <summary>JSON <c>null</c> (QEMU's QNull).</summary>
public sealed record JsonNull : JsonValue
{
    /// <summary>The only instance.</summary>
    public static JsonNull Instance { get; } = new();

    private JsonNull()
    {
    }

    /// <inheritdoc/>
    public override string ToString() => "null";
}
