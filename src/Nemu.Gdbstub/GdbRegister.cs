// One register of the target description (QEMU's gdb-xml/arm-*.xml and the dynamic arm-m-system/secext features of
// target/arm/gdbstub.c, as QEMU 10.0 numbers them; management.md §5.3).
namespace Nemu.Gdbstub;

/// <summary>
/// A register gdb sees: its <paramref name="Name"/> (also the name <c>ArmCpu.TryReadDebugRegister</c> takes), gdb
/// <paramref name="Regnum"/>, <paramref name="BitSize"/>, XML <paramref name="Type"/> (null: none written), and whether a
/// <c>P</c> write reaches the CPU (QEMU 10.0 ignores writes to the M-profile system registers).
/// </summary>
public sealed record GdbRegister(string Name, int Regnum, int BitSize, string? Type, bool Writable)
{
    /// <summary>The value's size in bytes in p/P/g packets.</summary>
    public int Bytes => BitSize / 8;
}
