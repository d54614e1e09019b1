// The migratable state of the TrustZone peripheral protection controller, QEMU's vmstate "tz-ppc" v1
// (hw/misc/tz-ppc.c): the per-port configuration inputs (bool arrays, one byte each) and the IRQ lines.
namespace Nemu.Hw.Tz;

/// <summary>Plain-data state of <see cref="TzPpc"/>.</summary>
public sealed class TzPpcState
{
    public readonly byte[] CfgNonsec = new byte[TzPpc.NumPorts];
    public readonly byte[] CfgAp = new byte[TzPpc.NumPorts];
    public bool CfgSecResp;
    public bool IrqEnable;
    public bool IrqClear;
    public bool IrqStatus;
}
