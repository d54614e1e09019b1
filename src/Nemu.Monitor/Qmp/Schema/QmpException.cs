namespace Nemu.Monitor.Qmp.Schema;

/// <summary>A command failed: the reply is <c>{"error": {"class": ..., "desc": ...}}</c>.</summary>
public sealed class QmpException(QmpErrorClass errorClass, string description) : Exception(description)
{
    public QmpErrorClass ErrorClass { get; } = errorClass;

    /// <summary>A GenericError with <paramref name="description"/> (QEMU's error_setg).</summary>
    public QmpException(string description)
        : this(QmpErrorClass.GenericError, description)
    {
    }
}
