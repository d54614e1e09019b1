// The migratable state of the PL061 GPIO controller, in QEMU 7.2's vmstate "pl061" v4 order (hw/gpio/pl061.c).
namespace Nemu.Hw.Gpio;

/// <summary>Plain-data state of <see cref="Pl061"/>.</summary>
public sealed class Pl061State
{
    public uint Locked;
    public uint Data;
    public uint OldOutData;
    public uint OldInData;
    public uint Dir;
    public uint Isense;
    public uint Ibe;
    public uint Iev;
    public uint Im;
    public uint Istate;
    public uint Afsel;
    public uint Dr2r;
    public uint Dr4r;
    public uint Dr8r;
    public uint Odr;
    public uint Pur;
    public uint Pdr;
    public uint Slr;
    public uint Den;
    public uint Cr;
    public uint Amsel;
}
