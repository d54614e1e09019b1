// TEMPORARY (delete at merge): stands in for piece C's ArmCpu.TtLookup (ArmCpu.Attribution.cs) until it lands, so
// the TT handler of ThumbInterpreter.Security.cs compiles. Returns 0 (no valid region, no access).
namespace Nemu.Arm.Cpu;

/// <summary>Temporary TT stub.</summary>
public sealed partial class ArmCpu
{
    /// <summary>
    /// The TT result word (Armv8-M ARM D1.2 TT response: MREGION, SREGION, MRVALID, SRVALID, R, RW, NSR, NSRW, S,
    /// IRVALID, IREGION) for <paramref name="address"/>, queried from the CPU's current state
    /// <paramref name="secure"/>; <paramref name="unprivileged"/> is TTT/TTAT, <paramref name="alt"/> TTA/TTAT.
    /// </summary>
    internal uint TtLookup(uint address, bool secure, bool unprivileged, bool alt) => 0;
}
