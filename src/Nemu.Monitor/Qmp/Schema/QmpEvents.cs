// The QMP events Nemu emits, declared with QEMU 7.2's data types (qapi/run-state.json, qapi/qdev.json) so that
// query-qmp-schema lists them as QEMU does, and the enums query-status and the events use.
namespace Nemu.Monitor.Qmp.Schema;

/// <summary>Event records and the run-state enums of the schema.</summary>
public static class QmpEvents
{
    /// <summary>RunState (qapi/run-state.json), values in schema order.</summary>
    public static QmpEnumType RunState { get; } = new("RunState",
    [
        "debug", "inmigrate", "internal-error", "io-error", "paused", "postmigrate", "prelaunch", "finish-migrate",
        "restore-vm", "running", "save-vm", "shutdown", "suspended", "watchdog", "guest-panicked", "colo",
    ]);

    /// <summary>ShutdownCause: the <c>reason</c> of RESET and SHUTDOWN.</summary>
    public static QmpEnumType ShutdownCause { get; } = new("ShutdownCause",
    [
        "none", "host-error", "host-qmp-quit", "host-qmp-system-reset", "host-signal", "host-ui", "guest-shutdown",
        "guest-reset", "guest-panic", "subsystem-reset", "snapshot-load",
    ]);

    /// <summary>GuestPanicAction: the <c>action</c> of GUEST_PANICKED.</summary>
    public static QmpEnumType GuestPanicAction { get; } = new("GuestPanicAction", ["pause", "poweroff", "run"]);

    /// <summary>GuestPanicInformation: the optional <c>info</c> of GUEST_PANICKED (a union on <c>type</c>).</summary>
    public static QmpObjectType GuestPanicInformation { get; } = new("GuestPanicInformation",
        [new QmpMember("type", new QmpEnumType("GuestPanicInformationType", ["hyper-v", "s390"]))],
        "type",
        [
            ("hyper-v", new QmpObjectType("GuestPanicInformationHyperV",
            [
                new("arg1", QmpBuiltins.UInt64), new("arg2", QmpBuiltins.UInt64), new("arg3", QmpBuiltins.UInt64),
                new("arg4", QmpBuiltins.UInt64), new("arg5", QmpBuiltins.UInt64),
            ])),
            ("s390", new QmpObjectType("GuestPanicInformationS390",
            [
                new("core", QmpBuiltins.UInt32), new("psw-mask", QmpBuiltins.UInt64), new("psw-addr", QmpBuiltins.UInt64),
                new("reason", new QmpEnumType("S390CrashReason", ["unknown", "disabled-wait", "extint-loop", "pgmint-loop", "opint-loop"])),
            ])),
        ]);

    public static QmpEvent Shutdown { get; } = new("SHUTDOWN", new QmpObjectType(string.Empty,
        [new("guest", QmpBuiltins.Bool), new("reason", ShutdownCause)]));

    public static QmpEvent Powerdown { get; } = new("POWERDOWN", null);

    public static QmpEvent Reset { get; } = new("RESET", new QmpObjectType(string.Empty,
        [new("guest", QmpBuiltins.Bool), new("reason", ShutdownCause)]));

    public static QmpEvent Stop { get; } = new("STOP", null);

    public static QmpEvent Resume { get; } = new("RESUME", null);

    public static QmpEvent GuestPanicked { get; } = new("GUEST_PANICKED", new QmpObjectType(string.Empty,
        [new("action", GuestPanicAction), new("info", GuestPanicInformation, Optional: true)]));

    public static QmpEvent DeviceDeleted { get; } = new("DEVICE_DELETED", new QmpObjectType(string.Empty,
        [new("device", QmpBuiltins.Str, Optional: true), new("path", QmpBuiltins.Str)]));

    /// <summary>Every event Nemu emits, in QEMU's schema order.</summary>
    public static IReadOnlyList<QmpEvent> All { get; } = [Shutdown, Powerdown, Reset, Stop, Resume, GuestPanicked, DeviceDeleted];
}
