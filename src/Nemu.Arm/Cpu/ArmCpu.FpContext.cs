// FP context on exception entry and return (Armv7-M ARM B1.5.7 lazy context preservation, B1.5.6/B1.5.8;
// mprofile.md §2.2, §2.5, §2.6): the extended frame, lazy stacking with FPCCR.LSPEN/LSPACT/FPCAR and
// PreserveFPState run by the first FP instruction of a handler. SEAM: still to be written (issue 4, piece D).
namespace Nemu.Arm.Cpu;

/// <summary>FP context stacking.</summary>
public sealed partial class ArmCpu
{
    /// <summary>
    /// The FP part of PushStack when CONTROL.FPCA is set: the frame at <paramref name="frame"/> has room for the
    /// extended words at +0x20. <paramref name="stackedOk"/> is false once an earlier write failed.
    /// </summary>
    /// <returns>Whether every write so far succeeded.</returns>
    internal bool PushFpContext(uint frame, bool privileged, bool negPri, bool stackedOk) => stackedOk;

    /// <summary>The FP part of the return pop when EXC_RETURN.FTYPE is 0.</summary>
    /// <returns>False when the pop failed (the fault is pended; the caller tail-chains).</returns>
    internal bool PopFpContext(uint frame, bool privileged, bool negPri) => true;

    /// <summary>PreserveFPState, run before an FP instruction when FPCCR.LSPACT is set.</summary>
    /// <returns>False when a fault was taken instead of executing the instruction.</returns>
    internal bool PreserveFpState() => true;
}
