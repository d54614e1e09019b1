// Implements: the two MemoryRegionOps of QEMU 7.2's pci-testdev (pci_testdev_mmio_ops / pci_testdev_pio_ops):
// little-endian, every size valid, the callbacks see single bytes (impl 1..1), and a write knows which BAR
// (memory = type 0, I/O = type 1) it came through.
using Nemu.Core;
using Nemu.Memory;

namespace Nemu.Hw.Pci;

/// <summary>The ops of one pci-testdev BAR: reads and writes go to the device with the BAR's test type.</summary>
internal sealed class PciTestdevBarOps : IMemoryRegionOps
{
    private static readonly AccessConstraints ByteConstraints = new() { ImplMinAccessSize = 1, ImplMaxAccessSize = 1 };

    private readonly PciTestdev _device;
    private readonly int _type;

    public PciTestdevBarOps(PciTestdev device, int type)
    {
        _device = device;
        _type = type;
    }

    public AccessConstraints Constraints => ByteConstraints;

    public MemTxResult Read(ulong offset, uint size, MemTxAttrs attrs, out ulong value)
    {
        value = _device.ReadByte(offset, size);
        return MemTxResult.Ok;
    }

    public MemTxResult Write(ulong offset, ulong value, uint size, MemTxAttrs attrs)
    {
        _device.WriteByte(offset, value, size, _type);
        return MemTxResult.Ok;
    }
}
