// Implements: the target= values of -semihosting-config (QEMU 7.2 semihosting/config.c).
namespace Nemu.Options.Values;

/// <summary>Where semihosting calls are served: auto (gdb when a debugger is attached, else native), native, gdb.</summary>
public enum SemihostingTarget
{
    Auto,
    Native,
    Gdb,
}
