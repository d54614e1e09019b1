// The migratable state of gpex-pcihost: QEMU's vmstate "PCIBUS" of the root bus (nirq and the per-line
// assertion counts that drive the four INTx outputs); everything else is configuration.
namespace Nemu.Hw.Pci;

/// <summary>Plain-data state of <see cref="GpexHost"/>.</summary>
public sealed class GpexHostState
{
    internal GpexHostState(GpexHost host) => Host = host;

    public int Nirq = GpexHost.NumIrqs;

    public readonly uint[] IrqCount = new uint[GpexHost.NumIrqs];

    internal GpexHost Host { get; }
}
