namespace Nemu.Monitor.Qmp.Json;

/// <summary>JSON <c>true</c>/<c>false</c> (QEMU's QBool).</summary>
public sealed record JsonBool(bool Value) : JsonValue
{
    /// <summary><c>true</c>.</summary>
    public static JsonBool True { get; } = new(true);

    /// <summary><c>false</c>.</summary>
    public static JsonBool False { get; } = new(false);

    /// <summary>The shared instance for <paramref name="value"/>.</summary>
    public static JsonBool From(bool value) => value ? True : False;

    /// <inheritdoc/>
    public override string ToString() => Value ? "true" : "false";
}
