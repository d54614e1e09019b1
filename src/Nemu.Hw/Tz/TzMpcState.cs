// The migratable state of the TrustZone memory protection controller, QEMU's vmstate "tz-mpc" v1
// (hw/misc/tz-mpc.c); the LUT is a variable array of BLK_MAX words.
namespace Nemu.Hw.Tz;

/// <summary>Plain-data state of <see cref="TzMpc"/>.</summary>
public sealed class TzMpcState
{
    public uint Ctrl;
    public uint BlkIdx;
    public uint IntStat;
    public uint IntEn;
    public uint IntInfo1;
    public uint IntInfo2;
    public uint[] BlkLut = [];
}
