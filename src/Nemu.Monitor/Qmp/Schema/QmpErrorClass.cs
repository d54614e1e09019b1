namespace Nemu.Monitor.Qmp.Schema;

/// <summary>QEMU's QapiErrorClass: the <c>class</c> of an error reply.</summary>
public enum QmpErrorClass
{
    GenericError,
    CommandNotFound,
    DeviceNotActive,
    DeviceNotFound,
    KVMMissingCap,
}
