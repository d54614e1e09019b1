namespace Nemu.Core.Debug;

/// <summary>Which accesses trigger a watchpoint (gdb Z2 write, Z3 read, Z4 access).</summary>
[Flags]
public enum WatchpointKind
{
    Write = 1,
    Read = 2,
    Access = Write | Read,
}
