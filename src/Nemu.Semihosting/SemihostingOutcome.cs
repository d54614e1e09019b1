// How a semihosting call ends, for the CPU loop (QEMU: a return from do_common_semihosting, a cpu_loop_exit with
// halted=1 while the console FIFO is empty, or exit()).
namespace Nemu.Semihosting;

/// <summary>What the CPU does after <see cref="ArmSemihosting.Handle"/>.</summary>
public enum SemihostingOutcome
{
    /// <summary>The result is in r0: continue after the BKPT (PC += 2).</summary>
    Completed,

    /// <summary>
    /// SYS_READC found no console input: leave PC on the BKPT, halt the CPU, and re-execute the BKPT after
    /// <see cref="ArmSemihosting.InputAvailable"/> fires.
    /// </summary>
    WaitForInput,

    /// <summary>The guest asked to exit (or made an unsupported call): the exit request callback has run; stop executing.</summary>
    Stopped,
}
