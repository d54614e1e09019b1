// QEMU qapi/run-state.json ShutdownCause: why a RESET or SHUTDOWN event happened (management.md §2.4).
namespace Nemu.System;

/// <summary>The cause of a reset or shutdown request, named on the wire by <see cref="ShutdownCauseNames"/>.</summary>
public enum ShutdownCause
{
    None,
    HostError,
    HostQmpQuit,
    HostQmpSystemReset,
    HostSignal,
    HostUi,
    GuestShutdown,
    GuestReset,
    GuestPanic,
    SubsystemReset,
    SnapshotLoad,
}
