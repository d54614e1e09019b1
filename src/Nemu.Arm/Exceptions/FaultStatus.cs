// Fault status register bits (Armv7-M ARM B3.2.15-B3.2.18: CFSR = MMFSR | BFSR << 8 | UFSR << 16; HFSR).
namespace Nemu.Arm.Exceptions;

/// <summary>CFSR and HFSR bit values.</summary>
public static class FaultStatus
{
    public const uint IaccViol = 1 << 0, DaccViol = 1 << 1, MunstkErr = 1 << 3, MstkErr = 1 << 4, MlspErr = 1 << 5, MmarValid = 1 << 7;
    public const uint IbusErr = 1 << 8, PreciseErr = 1 << 9, UnstkErr = 1 << 11, StkErr = 1 << 12, LspErr = 1 << 13, BfarValid = 1 << 15;
    public const uint UndefInstr = 1 << 16, InvState = 1 << 17, InvPc = 1 << 18, NoCp = 1 << 19, Unaligned = 1 << 24, DivByZero = 1 << 25;
    public const uint HfsrVectTbl = 1 << 1, HfsrForced = 1u << 30, HfsrDebugEvt = 1u << 31;

    /// <summary>DFSR.BKPT (Armv7-M ARM C1.6.1): a BKPT instruction made a debug event.</summary>
    public const uint DfsrBkpt = 1 << 1;
}
