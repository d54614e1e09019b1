// The decoded form of one Thumb instruction, shared by the interpreter, the disassembler and a future translator
// (STYLE.md habit 3). Register fields follow the Armv7-M ARM pseudocode operand names; see the remarks for the
// few encodings that reuse a slot.
using System.Runtime.InteropServices;

namespace Nemu.Arm.Decoding;

/// <summary>
/// One decoded Thumb instruction: plain data, 32 bytes, no references (cacheable in arrays without GC cost).
/// Long multiplies put RdHi in <see cref="Rd"/> and RdLo in <see cref="Ra"/>; LDRD/STRD/LDREXD put Rt2 in
/// <see cref="Ra"/>; SSAT/USAT put saturate_to in <see cref="Ra"/>; bitfield instructions put lsb in
/// <see cref="ShiftAmount"/> and width (BFI/BFC: msb) in <see cref="Ra"/>.
/// </summary>
// Padded to 32 bytes so that indexing a page's slot array is a shift, not a multiply.
[StructLayout(LayoutKind.Sequential, Size = 32)]
public struct DecodedInsn
{
    /// <summary>The semantic operation the interpreter switches on.</summary>
    public ThumbOp Op;

    /// <summary>Index of the encoding line in <see cref="ThumbEncodingTable.Lines"/> (name, arch, disassembly).</summary>
    public ushort Line;

    /// <summary>2 or 4 bytes.</summary>
    public byte Length;

    public byte Rd;
    public byte Rn;
    public byte Rm;
    public byte Rt;
    public byte Ra;

    /// <summary>SRType of the shifted operand (<see cref="ShiftType"/>).</summary>
    public ShiftType Shift;

    /// <summary>Shift amount (DecodeImmShift result), rotation, or bitfield lsb.</summary>
    public byte ShiftAmount;

    /// <summary>Condition of B&lt;c&gt; (T1/T3) or firstcond of IT; 0xE when unconditional.</summary>
    public byte Cond;

    /// <summary>IT mask, CPS flags, barrier option, or other small extra field.</summary>
    public byte Extra;

    public InsnFlags Flags;

    /// <summary>Register list of LDM/STM/PUSH/POP (bit n = Rn).</summary>
    public ushort RegList;

    /// <summary>
    /// The interpreter's handler for this instruction (an index into its handler table), chosen when the
    /// instruction is decoded into a page from the fields above; 0 is the generic handler.
    /// </summary>
    public byte Handler;

    /// <summary>
    /// The handler inside an IT block: differs from <see cref="Handler"/> for the 16-bit encodings whose setflags
    /// is !InITBlock(). Fills alignment padding.
    /// </summary>
    public byte HandlerInIt;

    /// <summary>The decoded immediate (already extended/expanded/sign-extended).</summary>
    public uint Imm;

    /// <summary>The raw encoding (16-bit: low half; 32-bit: hw1 &lt;&lt; 16 | hw2).</summary>
    public uint Raw;

    public readonly bool Has(InsnFlags flag) => (Flags & flag) != 0;
}
