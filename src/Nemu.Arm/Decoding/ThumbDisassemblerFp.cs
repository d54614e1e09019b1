// Disassembly of the FP instructions (ThumbTableFp) in arm-none-eabi-objdump's spelling: "vadd.f32 s0, s1, s2",
// "vldr d8, [r0, #8]", "vpush {d8-d9}", "vmrs APSR_nzcv, fpscr". Not exact for every alias: VCVT fixed-point and
// VCVTB/T print their data types generically, immediates of VMOV print the raw imm8 expansion as hex.
using System.Globalization;

namespace Nemu.Arm.Decoding;

/// <summary>Formats decoded FP instructions.</summary>
public static class ThumbDisassemblerFp
{
    public static string Format(in DecodedInsn x)
    {
        var dp = OperandFormsFp.IsDouble(x.Raw);
        var t = dp ? ".f64" : ".f32";
        string F(int n) => (dp ? "d" : "s") + n.ToString(CultureInfo.InvariantCulture);
        static string S(int n) => "s" + n.ToString(CultureInfo.InvariantCulture);
        static string Dn(int n) => "d" + n.ToString(CultureInfo.InvariantCulture);
        static string R(int n) => n switch { 13 => "sp", 14 => "lr", 15 => "pc", _ => "r" + n.ToString(CultureInfo.InvariantCulture) };
        var name = ThumbEncodingTable.Lines[x.Line].Mnemonic.TrimEnd(',');
        switch (x.Op)
        {
            case >= ThumbOp.VMla and <= ThumbOp.VFnms or ThumbOp.VMaxNm or ThumbOp.VMinNm:
                return Pad(name + t) + $"{F(x.Rd)}, {F(x.Rn)}, {F(x.Rm)}";
            case ThumbOp.VSel:
                return Pad("vsel" + new[] { "eq", "vs", "ge", "gt" }[x.Extra] + t) + $"{F(x.Rd)}, {F(x.Rn)}, {F(x.Rm)}";
            case ThumbOp.VMovReg or ThumbOp.VAbs or ThumbOp.VNeg or ThumbOp.VSqrt:
                return Pad(name + t) + $"{F(x.Rd)}, {F(x.Rm)}";
            case ThumbOp.VMovImm:
                return Pad("vmov" + t) + $"{F(x.Rd)}, #0x{x.Imm:x2}";
            case ThumbOp.VCmp:
                return Pad((x.Extra != 0 ? "vcmpe" : "vcmp") + t) + (x.Has(InsnFlags.Variant) ? $"{F(x.Rd)}, #0.0" : $"{F(x.Rd)}, {F(x.Rm)}");
            case ThumbOp.VRint:
                return Pad("vrint" + x.Extra switch { 0 => "n", 1 => "p", 2 => "m", 3 => "z", 4 => "a", _ => x.Has(InsnFlags.Variant) ? "x" : "r" } + t) + $"{F(x.Rd)}, {F(x.Rm)}";
            case ThumbOp.VCvtHalf:
                var top = x.Extra != 0 ? "vcvtt" : "vcvtb";
                return x.Has(InsnFlags.Variant)
                    ? Pad(top + ".f16" + t) + $"{S(x.Rd)}, {F(x.Rm)}"
                    : Pad(top + t + ".f16") + $"{F(x.Rd)}, {S(x.Rm)}";
            case ThumbOp.VCvtDoubleSingle:
                return dp ? Pad("vcvt.f32.f64") + $"{S(x.Rd)}, {Dn(x.Rm)}" : Pad("vcvt.f64.f32") + $"{Dn(x.Rd)}, {S(x.Rm)}";
            case ThumbOp.VCvtFromInt:
                return Pad("vcvt" + t + (x.Has(InsnFlags.Signed) ? ".s32" : ".u32")) + $"{F(x.Rd)}, {S(x.Rm)}";
            case ThumbOp.VCvtToInt:
                var prefix = x.Extra switch { 3 => "vcvt", OperandFormsFp.FpscrRounding => "vcvtr", 0 => "vcvtn", 1 => "vcvtp", 2 => "vcvtm", _ => "vcvta" };
                return Pad(prefix + (x.Has(InsnFlags.Signed) ? ".s32" : ".u32") + t) + $"{S(x.Rd)}, {F(x.Rm)}";
            case ThumbOp.VCvtFixed:
                var fixedType = (x.Has(InsnFlags.Signed) ? ".s" : ".u") + x.Extra.ToString(CultureInfo.InvariantCulture);
                var types = x.Has(InsnFlags.Variant) ? fixedType + t : t + fixedType;
                return Pad("vcvt" + types) + $"{F(x.Rd)}, {F(x.Rd)}, #{x.Imm.ToString(CultureInfo.InvariantCulture)}";
            case ThumbOp.VLdr or ThumbOp.VStr:
                var sign = x.Has(InsnFlags.Add) ? string.Empty : "-";
                return Pad(x.Op == ThumbOp.VLdr ? "vldr" : "vstr") + (x.Imm == 0 ? $"{F(x.Rd)}, [{R(x.Rn)}]" : $"{F(x.Rd)}, [{R(x.Rn)}, #{sign}{x.Imm.ToString(CultureInfo.InvariantCulture)}]");
            case ThumbOp.VLdm or ThumbOp.VStm:
                var count = dp ? x.RegList / 2 : x.RegList;
                var list = count <= 1 ? F(x.Rd) : $"{F(x.Rd)}-{F(x.Rd + count - 1)}";
                if (x.Rn == 13 && x.Has(InsnFlags.WriteBack) && (x.Op == ThumbOp.VLdm) == x.Has(InsnFlags.Add))
                {
                    return Pad(x.Op == ThumbOp.VLdm ? "vpop" : "vpush") + "{" + list + "}";
                }

                var mode = x.Has(InsnFlags.Add) ? "ia" : "db";
                return Pad((x.Op == ThumbOp.VLdm ? "vldm" : "vstm") + mode) + $"{R(x.Rn)}{(x.Has(InsnFlags.WriteBack) ? "!" : string.Empty)}, {{{list}}}";
            case ThumbOp.VMovCoreSingle:
                return Pad("vmov") + (x.Has(InsnFlags.Variant) ? $"{R(x.Rt)}, {S(x.Rn)}" : $"{S(x.Rn)}, {R(x.Rt)}");
            case ThumbOp.VMovCoreScalar:
                var scalar = $"{Dn(x.Rn)}[{x.Extra}]";
                return Pad("vmov.32") + (x.Has(InsnFlags.Variant) ? $"{R(x.Rt)}, {scalar}" : $"{scalar}, {R(x.Rt)}");
            case ThumbOp.VMovCoreTwoSingles or ThumbOp.VMovCoreDouble:
                var fp = x.Op == ThumbOp.VMovCoreDouble ? Dn(x.Rm) : $"{S(x.Rm)}, {S(x.Rm + 1)}";
                return Pad("vmov") + (x.Has(InsnFlags.Variant) ? $"{R(x.Rt)}, {R(x.Ra)}, {fp}" : $"{fp}, {R(x.Rt)}, {R(x.Ra)}");
            case ThumbOp.Vmrs:
                return Pad("vmrs") + (x.Rt == 15 ? "APSR_nzcv" : R(x.Rt)) + ", fpscr";
            default:
                return Pad("vmsr") + "fpscr, " + R(x.Rt);
        }
    }

    private static string Pad(string mnemonic) => mnemonic.PadRight(8) + " ";
}
