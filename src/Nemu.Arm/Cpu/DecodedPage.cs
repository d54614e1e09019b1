// One guest page (1 KiB, QEMU's M-profile TARGET_PAGE_SIZE) of lazily decoded instructions. Beside each decoded
// slot the page keeps the slot's interpreter handler as a function pointer, so the run loop's fetch is one load
// (null: not decoded, or the page was invalidated) instead of slot, handler index and handler table. The page also
// records for which MPU context execution from it was last checked, per security state (ExecStamp for Non-secure
// and cores without the Security Extension, ExecStampSecure for Secure), so a security transition needs no re-check.
using Nemu.Arm.Decoding;
using Nemu.Memory.Backends;

namespace Nemu.Arm.Cpu;

/// <summary>Decoded instructions of one page, one slot per halfword; a slot with Length 0 is not decoded yet.</summary>
internal sealed class DecodedPage
{
    public const int Shift = 10;
    public const uint Size = 1u << Shift;

    public DecodedPage(uint address, RamBlock? block, ulong blockOffset)
    {
        Address = address;
        Block = block;
        BlockOffset = blockOffset;
    }

    public uint Address { get; }

    /// <summary>The RAM block the code was read from (null: not cacheable, e.g. I/O).</summary>
    public RamBlock? Block { get; }

    /// <summary>Page-aligned offset of this page in <see cref="Block"/>.</summary>
    public ulong BlockOffset { get; }

    /// <summary>Offset of the page's first byte in <see cref="Block"/>.</summary>
    public ulong RamOffset { get; init; }

    /// <summary>False once guest code was overwritten (<see cref="Invalidate"/>); the cache drops the page.</summary>
    public bool Valid { get; private set; } = true;

    public DecodedInsn[] Slots { get; } = new DecodedInsn[Size / 2];

    /// <summary>
    /// The handler of each decoded slot (ThumbInterpreter.HandlerOf, a <c>delegate*</c> stored as nint: function
    /// pointers cannot be generic arguments); 0 where not decoded.
    /// </summary>
    public nint[] Handlers { get; } = new nint[Size / 2];

    /// <summary>
    /// The CPU's fetch stamp (ArmCpu.FetchStamp) when execution from the whole page was last found permitted; a
    /// different stamp means the privilege or the MPU changed and the page must be checked again before use.
    /// </summary>
    public uint ExecStamp;

    /// <summary>As <see cref="ExecStamp"/> for execution in Secure state.</summary>
    public uint ExecStampSecure;

    /// <summary>The stamp slot of a security state.</summary>
    public ref uint ExecStampFor(bool secure) => ref secure ? ref ExecStampSecure : ref ExecStamp;

    /// <summary>Guest code in the page was overwritten: the run loop's fetch must miss from now on.</summary>
    public void Invalidate()
    {
        Valid = false;
        Array.Clear(Handlers);
    }
}
