namespace Nemu.Core.Debug;

/// <summary>
/// A debug stop: its kind, and for a watchpoint the watched address that was hit and the kind of watchpoint
/// (gdb's <c>watch:</c>/<c>rwatch:</c>/<c>awatch:</c> stop-reply fields).
/// </summary>
public readonly record struct DebugStop(DebugStopKind Kind, ulong WatchAddress = 0, WatchpointKind WatchKind = 0);
