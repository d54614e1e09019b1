// R0-R15 of the core (Armv7-M ARM B1.4.1) stored inline in the ArmCpu object: indexing is a compare against the
// constant 16 and one load, with no array object to reach first (the interpreter reads registers on every
// instruction).
using System.Runtime.CompilerServices;

namespace Nemu.Arm.Cpu;

/// <summary>The sixteen general-purpose registers as an inline array.</summary>
[InlineArray(Count)]
internal struct RegisterFile
{
    public const int Count = 16;

    private uint _r0;
}
