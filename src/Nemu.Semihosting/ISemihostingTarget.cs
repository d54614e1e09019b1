// The CPU side of a semihosting call (QEMU's CPUState as used by semihosting/arm-compat-semi.c): r0/r1,
// debug memory access in the CPU's address space (cpu_memory_rw_debug) and the register dump for an abort.
namespace Nemu.Semihosting;

/// <summary>
/// What <see cref="ArmSemihosting"/> needs from the CPU that executed <c>BKPT #0xAB</c>. Memory accesses are
/// debug accesses through the CPU's address space (no MPU faults, no side effects on the CPU).
/// </summary>
public interface ISemihostingTarget
{
    /// <summary>True when the call was made from privileged code (Handler mode, or Thread mode with CONTROL.nPRIV 0).</summary>
    bool IsPrivileged { get; }

    /// <summary>Core register <paramref name="n"/> (0-15).</summary>
    uint GetRegister(int n);

    /// <summary>Sets core register <paramref name="n"/> (only r0 is written, with the result).</summary>
    void SetRegister(int n, uint value);

    /// <summary>Reads guest memory; false if any byte is not readable (unassigned or a bus error).</summary>
    bool ReadMemory(uint address, Span<byte> destination);

    /// <summary>Writes guest memory; false if any byte is not writable.</summary>
    bool WriteMemory(uint address, ReadOnlySpan<byte> source);

    /// <summary>
    /// The register dump QEMU prints before aborting on an unsupported call (cpu_dump_state, as <c>-d cpu</c>
    /// formats it: <c>R00=... R03=...</c> lines then <c>XPSR=...</c>), ending in a newline.
    /// </summary>
    string DumpState();
}
