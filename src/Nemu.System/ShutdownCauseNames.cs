namespace Nemu.System;

/// <summary>The QMP names of <see cref="ShutdownCause"/> and QEMU's "guest" flag (shutdown_caused_by_guest).</summary>
public static class ShutdownCauseNames
{
    public static string QmpName(ShutdownCause cause) => cause switch
    {
        ShutdownCause.None => "none",
        ShutdownCause.HostError => "host-error",
        ShutdownCause.HostQmpQuit => "host-qmp-quit",
        ShutdownCause.HostQmpSystemReset => "host-qmp-system-reset",
        ShutdownCause.HostSignal => "host-signal",
        ShutdownCause.HostUi => "host-ui",
        ShutdownCause.GuestShutdown => "guest-shutdown",
        ShutdownCause.GuestReset => "guest-reset",
        ShutdownCause.GuestPanic => "guest-panic",
        ShutdownCause.SubsystemReset => "subsystem-reset",
        ShutdownCause.SnapshotLoad => "snapshot-load",
        _ => "none",
    };

    /// <summary>True for the causes QEMU reports with <c>"guest": true</c>.</summary>
    public static bool IsGuest(ShutdownCause cause) =>
        cause is ShutdownCause.GuestShutdown or ShutdownCause.GuestReset or ShutdownCause.GuestPanic;
}
