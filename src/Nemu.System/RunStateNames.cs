namespace Nemu.System;

/// <summary>Text forms of <see cref="RunState"/>: the QMP names and the HMP <c>info status</c> line.</summary>
public static class RunStateNames
{
    /// <summary>The QMP name (<c>prelaunch</c>, <c>running</c>, <c>internal-error</c>, ...).</summary>
    public static string QmpName(RunState state) => state switch
    {
        RunState.Prelaunch => "prelaunch",
        RunState.Running => "running",
        RunState.Paused => "paused",
        RunState.Shutdown => "shutdown",
        RunState.InternalError => "internal-error",
        RunState.Debug => "debug",
        RunState.InMigrate => "inmigrate",
        RunState.PostMigrate => "postmigrate",
        RunState.FinishMigrate => "finish-migrate",
        RunState.RestoreVm => "restore-vm",
        RunState.SaveVm => "save-vm",
        RunState.GuestPanicked => "guest-panicked",
        _ => "unknown",
    };

    /// <summary>
    /// What HMP prints after "VM status: ": <c>running</c>, <c>paused</c>, or <c>paused (state)</c> for any
    /// other state (QEMU hmp_info_status).
    /// </summary>
    public static string StatusText(RunState state) => state switch
    {
        RunState.Running => "running",
        RunState.Paused => "paused",
        _ => $"paused ({QmpName(state)})",
    };
}
