// The migratable state of the MPS2 FPGAIO block, QEMU's vmstate "mps2-fpgaio" v3.
namespace Nemu.Hw.Mps2;

/// <summary>Plain-data state of <see cref="Mps2Fpgaio"/>.</summary>
public sealed class Mps2FpgaioState
{
    public uint Led0;
    public uint Prescale;
    public uint Misc;
    public uint DbgCtrl;
    public long Clk1HzTickOffset;
    public long Clk100HzTickOffset;
    public uint Counter;
    public uint PsCntr;
    public long PsCntrSyncTicks;
}
