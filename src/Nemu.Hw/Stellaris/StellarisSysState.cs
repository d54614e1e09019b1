// The migratable state of the Stellaris system control block, QEMU's vmstate "stellaris_sys" v2.
namespace Nemu.Hw.Stellaris;

/// <summary>Plain-data state of <see cref="StellarisSys"/>.</summary>
public sealed class StellarisSysState
{
    public uint PborCtl;
    public uint LdoPCtl;
    public uint IntMask;
    public uint IntStatus;
    public uint Resc;
    public uint Rcc;
    public uint Rcc2;
    public uint[] Rcgc = new uint[3];
    public uint[] Scgc = new uint[3];
    public uint[] Dcgc = new uint[3];
    public uint ClkVClr;
    public uint LdoArst;

    /// <summary>The device's post-load hook (recomputes SYSCLK); not migrated.</summary>
    public Action? Loaded { get; set; }
}
