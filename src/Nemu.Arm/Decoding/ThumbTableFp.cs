// Generated-style table (exempt from the file-size habit): the FP extension encodings, Armv7-M ARM A6.4 (data
// processing), A6.5 (extension register load/store), A6.6 (core/extension register transfers), plus the FPv5
// additions of Cortex-M7 (VSEL, VMAXNM/VMINNM, VRINT*, VCVTA/N/P/M, f16<->f64). A pattern's 's' is the sz bit:
// each such pattern becomes a single-precision line (needs Sp, or FpV5 for FPv5 ones) and a double-precision line
// (needs FpDouble as well). Register transfers and loads/stores of D registers need only Sp (they are data moves,
// present on FPv4-SP-D16 too, as in QEMU). All lines share the "cp" overlap group with the coprocessor catch-all
// of ThumbTable32, which comes after them: what they do not claim stays NOCP/UNDEFINED.
using static Nemu.Arm.Decoding.ArchFeatures;
using static Nemu.Arm.Decoding.OperandFormsFp;
using Op = Nemu.Arm.Decoding.ThumbOp;

namespace Nemu.Arm.Decoding;

/// <summary>The FP lines of the decode table.</summary>
internal static class ThumbTableFp
{
    private const string Group = "cp";
    private const ArchFeatures Sp = ArchFeatures.Fp;

    public static ThumbEncoding[] Build() =>
    [
        // A6.5 Extension register load or store
        .. Both("11101100010ouuuu tttt1010 00M1mmmm", "VMOV (between two ARM core registers and two single-precision registers) T1", Op.VMovCoreTwoSingles, CoreTwo(false), Sp, Sp, sizeFixed: true),
        .. Both("11101100010ouuuu tttt1011 00M1mmmm", "VMOV (between two ARM core registers and a doubleword extension register) T1", Op.VMovCoreDouble, CoreTwo(true), Sp, Sp, sizeFixed: true),
        .. Both("111011001D111101 dddd101s iiiiiiii", "VPOP T", Op.VLdm, Stack(pop: true), Sp, Sp),
        .. Both("111011001DW1nnnn dddd101s iiiiiiii", "VLDM T", Op.VLdm, Multiple(increment: true, fixedWriteBack: false), Sp, Sp),
        .. Both("111011001DW0nnnn dddd101s iiiiiiii", "VSTM T", Op.VStm, Multiple(increment: true, fixedWriteBack: false), Sp, Sp),
        .. Both("111011010D101101 dddd101s iiiiiiii", "VPUSH T", Op.VStm, Stack(pop: false), Sp, Sp),
        .. Both("111011010D10nnnn dddd101s iiiiiiii", "VSTMDB T", Op.VStm, Multiple(increment: false, fixedWriteBack: true), Sp, Sp),
        .. Both("111011010D11nnnn dddd101s iiiiiiii", "VLDMDB T", Op.VLdm, Multiple(increment: false, fixedWriteBack: true), Sp, Sp),
        .. Both("11101101UD00nnnn dddd101s iiiiiiii", "VSTR T", Op.VStr, LoadStore, Sp, Sp),
        .. Both("11101101UD01nnnn dddd101s iiiiiiii", "VLDR T", Op.VLdr, LoadStore, Sp, Sp),

        // A6.6 8, 16, and 32-bit transfers between ARM core and extension registers
        new("11101110000onnnn tttt1010 Nxx1xxxx", "VMOV (between ARM core register and single-precision register) T1", Op.VMovCoreSingle, Sp, CoreSingle, Group),
        new("1110111011100001 tttt1010 xxx1xxxx", "VMSR T1", Op.Vmsr, Sp, Rt, Group),
        new("1110111011110001 tttt1010 xxx1xxxx", "VMRS T1", Op.Vmrs, Sp, Rt, Group),
        new("1110111000H0dddd tttt1011 D001xxxx", "VMOV (ARM core register to scalar) T1", Op.VMovCoreScalar, Sp, ToScalar, Group),
        new("1110111000H1nnnn tttt1011 N001xxxx", "VMOV (scalar to ARM core register) T1", Op.VMovCoreScalar, Sp, FromScalar, Group),

        // A6.4 Floating-point data-processing instructions
        .. Both("111011100D00nnnn dddd101s N0M0mmmm", "VMLA T2", Op.VMla, Three, Sp, FpDouble),
        .. Both("111011100D00nnnn dddd101s N1M0mmmm", "VMLS T2", Op.VMls, Three, Sp, FpDouble),
        .. Both("111011100D01nnnn dddd101s N0M0mmmm", "VNMLS T1", Op.VNmls, Three, Sp, FpDouble),
        .. Both("111011100D01nnnn dddd101s N1M0mmmm", "VNMLA T1", Op.VNmla, Three, Sp, FpDouble),
        .. Both("111011100D10nnnn dddd101s N0M0mmmm", "VMUL T2", Op.VMul, Three, Sp, FpDouble),
        .. Both("111011100D10nnnn dddd101s N1M0mmmm", "VNMUL T2", Op.VNmul, Three, Sp, FpDouble),
        .. Both("111011100D11nnnn dddd101s N0M0mmmm", "VADD T2", Op.VAdd, Three, Sp, FpDouble),
        .. Both("111011100D11nnnn dddd101s N1M0mmmm", "VSUB T2", Op.VSub, Three, Sp, FpDouble),
        .. Both("111011101D00nnnn dddd101s N0M0mmmm", "VDIV T1", Op.VDiv, Three, Sp, FpDouble),
        .. Both("111011101D01nnnn dddd101s N0M0mmmm", "VFNMS T1", Op.VFnms, Three, Sp, FpDouble),
        .. Both("111011101D01nnnn dddd101s N1M0mmmm", "VFNMA T1", Op.VFnma, Three, Sp, FpDouble),
        .. Both("111011101D10nnnn dddd101s N0M0mmmm", "VFMA T2", Op.VFma, Three, Sp, FpDouble),
        .. Both("111011101D10nnnn dddd101s N1M0mmmm", "VFMS T2", Op.VFms, Three, Sp, FpDouble),
        .. Both("111011101D11iiii dddd101s x0x0iiii", "VMOV (immediate) T2", Op.VMovImm, MovImm, Sp, FpDouble),
        .. Both("111011101D110000 dddd101s 01M0mmmm", "VMOV (register) T2", Op.VMovReg, Two, Sp, FpDouble),
        .. Both("111011101D110000 dddd101s 11M0mmmm", "VABS T2", Op.VAbs, Two, Sp, FpDouble),
        .. Both("111011101D110001 dddd101s 01M0mmmm", "VNEG T2", Op.VNeg, Two, Sp, FpDouble),
        .. Both("111011101D110001 dddd101s 11M0mmmm", "VSQRT T1", Op.VSqrt, Two, Sp, FpDouble),
        .. Both("111011101D110010 dddd101s T1M0mmmm", "VCVTB, VCVTT (from half precision) T1", Op.VCvtHalf, Half(toHalf: false), Sp, FpV5 | FpDouble),
        .. Both("111011101D110011 dddd101s T1M0mmmm", "VCVTB, VCVTT (to half precision) T1", Op.VCvtHalf, Half(toHalf: true), Sp, FpV5 | FpDouble),
        .. Both("111011101D110100 dddd101s E1M0mmmm", "VCMP, VCMPE T1", Op.VCmp, Compare, Sp, FpDouble),
        .. Both("111011101D110101 dddd101s E1x0xxxx", "VCMP, VCMPE T2", Op.VCmp, CompareZero, Sp, FpDouble),
        .. Both("111011101D110110 dddd101s 01M0mmmm", "VRINTR T1", Op.VRint, Rint(FpscrRounding, exact: false), FpV5, FpV5 | FpDouble),
        .. Both("111011101D110110 dddd101s 11M0mmmm", "VRINTZ T1", Op.VRint, Rint(3, exact: false), FpV5, FpV5 | FpDouble),
        .. Both("111011101D110111 dddd101s 01M0mmmm", "VRINTX T1", Op.VRint, Rint(FpscrRounding, exact: true), FpV5, FpV5 | FpDouble),
        .. Both("111011101D110111 dddd101s 11M0mmmm", "VCVT (between double-precision and single-precision) T1", Op.VCvtDoubleSingle, DoubleSingle, FpDouble, FpDouble),
        .. Both("111011101D111000 dddd101s E1M0mmmm", "VCVT (from integer) T1", Op.VCvtFromInt, FromInt, Sp, FpDouble),
        .. Both("111011101D111o1U dddd101s z1a0iiii", "VCVT (between floating-point and fixed-point) T1", Op.VCvtFixed, Fixed, Sp, FpDouble),
        .. Both("111011101D11110U dddd101s R1M0mmmm", "VCVT, VCVTR (to integer) T1", Op.VCvtToInt, ToInt, Sp, FpDouble),

        // FPv5 (unconditional space)
        .. Both("111111100Dccnnnn dddd101s N0M0mmmm", "VSEL T1", Op.VSel, Select, FpV5, FpV5 | FpDouble),
        .. Both("111111101D00nnnn dddd101s N0M0mmmm", "VMAXNM T2", Op.VMaxNm, Three, FpV5, FpV5 | FpDouble),
        .. Both("111111101D00nnnn dddd101s N1M0mmmm", "VMINNM T2", Op.VMinNm, Three, FpV5, FpV5 | FpDouble),
        .. Both("111111101D1110rr dddd101s 01M0mmmm", "VRINTA, VRINTN, VRINTP, VRINTM T1", Op.VRint, RintDirected, FpV5, FpV5 | FpDouble),
        .. Both("111111101D1111rr dddd101s E1M0mmmm", "VCVTA, VCVTN, VCVTP, VCVTM T1", Op.VCvtToInt, ToIntDirected, FpV5, FpV5 | FpDouble),
    ];

    /// <summary>The single-precision (sz=0) and double-precision (sz=1) lines of one pattern.</summary>
    private static ThumbEncoding[] Both(string pattern, string name, Op op, OperandForm form, ArchFeatures single, ArchFeatures dbl, bool sizeFixed = false)
    {
        if (sizeFixed)
        {
            return [new(pattern, name, op, single, form, Group)];
        }

        var at = pattern.LastIndexOf('s');
        return
        [
            new(pattern[..at] + "0" + pattern[(at + 1)..], name + " (single)", op, single, form, Group),
            new(pattern[..at] + "1" + pattern[(at + 1)..], name + " (double)", op, dbl, form, Group),
        ];
    }
}
