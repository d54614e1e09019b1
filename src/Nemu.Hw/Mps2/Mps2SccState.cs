// The migratable state of the MPS2 SCC, QEMU's vmstate "mps2-scc" v3 (oscclk is a uint32 array of
// len-oscclk entries, VMSTATE_VARRAY_UINT32).
namespace Nemu.Hw.Mps2;

/// <summary>Plain-data state of <see cref="Mps2Scc"/>.</summary>
public sealed class Mps2SccState
{
    public uint Cfg0;
    public uint Cfg1;
    public uint Cfg2;
    public uint Cfg5;
    public uint Cfg6;
    public uint CfgDataRtn;
    public uint CfgDataOut;
    public uint CfgCtrl;
    public uint CfgStat;
    public uint Dll;
    public uint[] Oscclk = [];
}
