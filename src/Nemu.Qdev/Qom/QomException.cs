// A QOM view error with QEMU 7.2's message (qom/object.c, qom/qom-qmp-cmds.c): the monitor reports it as a
// GenericError, or as DeviceNotFound when <see cref="IsNotFound"/> is set.
namespace Nemu.Qdev.Qom;

/// <summary>A user error from the QOM view (bad path, unknown property, wrong value type).</summary>
public sealed class QomException : Exception
{
    public QomException(string message, bool isNotFound = false)
        : base(message)
    {
        IsNotFound = isNotFound;
    }

    public QomException()
    {
    }

    public QomException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>True for "Device 'PATH' not found" (QMP class DeviceNotFound).</summary>
    public bool IsNotFound { get; }
}
