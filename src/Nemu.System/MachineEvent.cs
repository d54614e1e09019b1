// The machine-level events QMP reports (QEMU qapi/run-state.json, qapi/qdev.json; management.md §2.4). The
// Machine raises them synchronously on the main-loop thread, before the command that caused them returns, so a
// monitor that writes events as they arrive orders them as QEMU does (event, then the command's return).
namespace Nemu.System;

/// <summary>Something a management client is told about. Subtypes are the QMP events.</summary>
public abstract record MachineEvent;

/// <summary>STOP: the VM stopped (the new run state is in <see cref="Machine.State"/>).</summary>
public sealed record StopEvent : MachineEvent;

/// <summary>RESUME: the VM started running.</summary>
public sealed record ResumeEvent : MachineEvent;

/// <summary>RESET {guest, reason}.</summary>
public sealed record ResetEvent(ShutdownCause Cause) : MachineEvent;

/// <summary>SHUTDOWN {guest, reason}.</summary>
public sealed record ShutdownEvent(ShutdownCause Cause) : MachineEvent;

/// <summary>POWERDOWN: a powerdown was requested (system_powerdown).</summary>
public sealed record PowerdownEvent : MachineEvent;

/// <summary>DEVICE_DELETED {device?, path}.</summary>
public sealed record DeviceDeletedEvent(string? Device, string Path) : MachineEvent;

/// <summary>GUEST_PANICKED {action, info?}: Nemu reports an M-profile lockup this way (QEMU 7.2 aborts instead).</summary>
public sealed record GuestPanickedEvent(string Action, string? Info) : MachineEvent;
