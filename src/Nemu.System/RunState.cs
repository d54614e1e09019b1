namespace Nemu.System;

/// <summary>The VM run states (QEMU qapi/run-state.json RunState), named as QMP reports them.</summary>
public enum RunState
{
    Prelaunch,
    Running,
    Paused,
    Shutdown,
    InternalError,
    Debug,
    InMigrate,
    PostMigrate,
    FinishMigrate,
    RestoreVm,
    SaveVm,
    GuestPanicked,
}
