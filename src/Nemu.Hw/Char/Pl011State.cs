// The migratable state of the PL011 UART, in QEMU 7.2's vmstate "pl011" v2 order (hw/char/pl011.c), with
// the "pl011/clock" subsection's clock.
namespace Nemu.Hw.Char;

/// <summary>Plain-data state of <see cref="Pl011"/>.</summary>
public sealed class Pl011State
{
    /// <summary>QEMU's PL011 receive FIFO array length (the ring is always 16 entries in QEMU 7.2).</summary>
    public const int FifoDepth = 16;

    /// <summary>QEMU's unused <c>readbuff</c> field, kept for the stream layout.</summary>
    public uint ReadBuff;
    public uint Flags;
    public uint Lcr;
    public uint Rsr;
    public uint Cr;
    public uint DmaCr;
    public uint IntEnabled;
    public uint IntLevel;
    public readonly uint[] ReadFifo = new uint[FifoDepth];
    public uint Ilpr;
    public uint Ibrd;
    public uint Fbrd;
    public uint Ifl;
    public int ReadPos;
    public int ReadCount;
    public int ReadTrigger;
    public readonly ClockStateFields Clock = new();

    /// <summary>The <c>migrate-clk</c> property (configuration, not migrated): sends the clock subsection.</summary>
    public bool MigrateClk;
}
