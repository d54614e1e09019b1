// Implements: management.md §7.1, the target= choice of -semihosting-config (QEMU semihosting/config.c).
// Only native is served here: gdb and auto behave as native until a gdbstub can report an attached debugger
// (QEMU's auto picks gdb when one is attached; an explicit target=gdb with no debugger is not modelled).
namespace Nemu.Semihosting;

/// <summary>Where semihosting calls are served: on the host (native), by an attached debugger (gdb), or auto.</summary>
public enum SemihostingBackend
{
    Auto,
    Native,
    Gdb,
}
