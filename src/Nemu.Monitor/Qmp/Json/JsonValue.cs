namespace Nemu.Monitor.Qmp.Json;

/// <summary>
/// A JSON value as QEMU's QObject models it (qobject/: QDict, QList, QString, QNum, QBool, QNull).
/// Parsed by <see cref="JsonMessageParser"/>, printed by <see cref="JsonWriter"/>. Containers compare
/// structurally; an object's members keep their order.
/// </summary>
public abstract record JsonValue
{
    /// <summary>QEMU's compact text of this value (see <see cref="JsonWriter"/>).</summary>
    public override string ToString() => JsonWriter.Write(this);
}
