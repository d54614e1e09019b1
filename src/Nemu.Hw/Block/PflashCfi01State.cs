// The migratable state of cfi.pflash01, in QEMU 7.2's vmstate "pflash_cfi01" v1 field order (hw/block/pflash_cfi01.c).
namespace Nemu.Hw.Block;

/// <summary>Plain-data state of <see cref="PflashCfi01"/> (the command machine Nemu does not run yet).</summary>
public sealed class PflashCfi01State
{
    public byte Wcycle;
    public byte Cmd;
    public byte Status;
    public ulong Counter;
}
