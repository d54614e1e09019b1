// Load-acquire / store-release (Armv8-M ARM C2.4 LDA, LDAB, LDAH, STL, STLB, STLH, LDAEX, LDAEXB, LDAEXH, STLEX,
// STLEXB, STLEXH; the Main Extension, emitted by gcc for C11 atomics on Cortex-M33). On a single in-order core the
// ordering is implicit: they are LDR/STR/LDREX/STREX without an offset that always fault on a misaligned address
// (QEMU's MO_ALIGN). As in QEMU 7.2 (op_lda/op_stl, op_ldrex/op_strex), Rn or Rt = PC, and for STLEX Rd = PC or Rd
// equal to Rn or Rt, are UNDEFINED.
using Nemu.Arm.Cpu;
using Nemu.Arm.Decoding;

namespace Nemu.Arm.Interpreter;

internal static partial class ThumbInterpreter
{
    private static bool AcquireRelease(ArmCpu cpu, in DecodedInsn x)
    {
        if (x.Rn == 15 || x.Rt == 15)
        {
            return Undefined(cpu);
        }

        var address = cpu.R[x.Rn];
        switch (x.Op)
        {
            case ThumbOp.Lda or ThumbOp.Ldab or ThumbOp.Ldah:
                {
                    if (!cpu.Load(address, AccessSize(x.Op), out var value, forceAligned: true))
                    {
                        return false;
                    }

                    cpu.R[x.Rt] = value;
                    return true;
                }

            case ThumbOp.Stl or ThumbOp.Stlb or ThumbOp.Stlh:
                return cpu.Store(address, AccessSize(x.Op), cpu.R[x.Rt], forceAligned: true);
            case ThumbOp.Ldaex or ThumbOp.Ldaexb or ThumbOp.Ldaexh:
                {
                    if (!cpu.Load(address, AccessSize(x.Op), out var value, forceAligned: true))
                    {
                        return false;
                    }

                    cpu.ExclusiveValid = true;
                    cpu.ExclusiveAddress = address;
                    cpu.R[x.Rt] = value;
                    return true;
                }

            default:
                {
                    if (x.Rd == 15 || x.Rd == x.Rn || x.Rd == x.Rt)
                    {
                        return Undefined(cpu);
                    }

                    var size = AccessSize(x.Op);
                    if ((address & (size - 1)) != 0)
                    {
                        return cpu.Store(address, size, 0, forceAligned: true);
                    }

                    if (!cpu.ExclusiveValid || cpu.ExclusiveAddress != address)
                    {
                        cpu.ExclusiveValid = false;
                        cpu.R[x.Rd] = 1;
                        return true;
                    }

                    if (!cpu.Store(address, size, cpu.R[x.Rt], forceAligned: true))
                    {
                        return false;
                    }

                    cpu.ExclusiveValid = false;
                    cpu.R[x.Rd] = 0;
                    return true;
                }
        }
    }

    private static uint AccessSize(ThumbOp op) => op switch
    {
        ThumbOp.Ldab or ThumbOp.Stlb or ThumbOp.Ldaexb or ThumbOp.Stlexb => 1,
        ThumbOp.Ldah or ThumbOp.Stlh or ThumbOp.Ldaexh or ThumbOp.Stlexh => 2,
        _ => 4,
    };
}
