// The architectural state one differential case starts from; its word layout is the input block of
// tests/firmware/diff/harness.h (r0..r12, APSR, scratch[16], then s0..s15 and FPSCR on FP variants).
namespace Nemu.Boards.Tests.Differential;

/// <summary>Initial registers, flags, scratch memory and FP state of one case.</summary>
public sealed class CaseState
{
    public const int Registers = 13;
    public const int ScratchWords = 16;
    public const int FpRegisters = 16;

    /// <summary>Where the linker scripts place the scratch buffer (start of RAM on every board).</summary>
    public const uint ScratchAddress = 0x2000_0000;

    public uint[] R { get; } = new uint[Registers];
    public uint Apsr { get; set; }
    public uint[] Scratch { get; } = new uint[ScratchWords];
    public uint[] S { get; } = new uint[FpRegisters];
    public uint Fpscr { get; set; }

    public IEnumerable<uint> Words(bool withFp)
    {
        foreach (var r in R)
        {
            yield return r;
        }

        yield return Apsr;
        foreach (var m in Scratch)
        {
            yield return m;
        }

        if (withFp)
        {
            foreach (var s in S)
            {
                yield return s;
            }

            yield return Fpscr;
        }
    }
}
