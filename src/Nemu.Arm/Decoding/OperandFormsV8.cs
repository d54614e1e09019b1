// The operand forms of the ARMv8-M additions to the Thumb decode table (Armv8-M ARM C2.4: TT/TTT/TTA/TTAT,
// VLSTM/VLLDM). SG has no operands, BXNS/BLXNS use OperandForms.Rm and the load-acquire/store-release
// instructions reuse the narrow exclusive forms of OperandForms32 (Rt,[Rn] and Rd,Rt,[Rn]).
namespace Nemu.Arm.Decoding;

/// <summary>Operand forms of the ARMv8-M encodings.</summary>
public static class OperandFormsV8
{
    /// <summary>TT{A}{T} Rd, Rn: Extra bit 0 is T (force unprivileged), bit 1 is A (alternate security state).</summary>
    public static readonly OperandForm TestTarget = new("Rd,Rn (TT)", "dnAT", static (ref x, in f) =>
    {
        x.Rd = (byte)f['d'];
        x.Rn = (byte)f['n'];
        x.Extra = (byte)((f['A'] << 1) | f['T']);
    });

    /// <summary>VLSTM/VLLDM Rn: the base of the FP state frame.</summary>
    public static readonly OperandForm FpStateBase = new("Rn (VLSTM)", "n", static (ref x, in f) => x.Rn = (byte)f['n']);
}
