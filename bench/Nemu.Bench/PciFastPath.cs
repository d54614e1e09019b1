// The fast path of seed 003 / pci.md §4.4: an MSI-X backend (as vhost or VFIO with an irqfd would be) that
// caches the vector's route while the vector is usable (Use) and delivers straight into the GICv2m frame
// (ArmGicV2m.TryDeliver), skipping the memory write through the bus-master address space; while the vector is
// masked (Release) it falls back to msix_notify, which sets the pending bit (the slow path). Allocation-free.
using Nemu.Hw.Intc;
using Nemu.Pci;

namespace Nemu.Bench;

/// <summary>A vector-notifier backend with a cached GICv2m route per vector.</summary>
public sealed class PciFastPath(PciDevice device, ArmGicV2m frame, ulong doorbell, int vectors) : IMsixVectorNotifier
{
    private readonly bool[] _routed = new bool[vectors];
    private readonly uint[] _data = new uint[vectors];

    /// <summary>How many Use / Release calls the MSI-X core made (mask and unmask transitions).</summary>
    public long Uses { get; private set; }

    public long Releases { get; private set; }

    public bool Use(int vector, MsiMessage message)
    {
        Uses++;

        // Only a message aimed at this frame's doorbell can bypass the bus; anything else keeps the slow path.
        _routed[vector] = message.Address == doorbell;
        _data[vector] = message.Data;
        return true;
    }

    public void Release(int vector)
    {
        Releases++;
        _routed[vector] = false;
    }

    public void Poll(int start, int end)
    {
        // Nothing is latched outside the device: a masked vector fired through Fire already set its pending bit.
    }

    /// <summary>Signals <paramref name="vector"/>: the cached route when usable, else msix_notify (pending bit while masked).</summary>
    public void Fire(int vector)
    {
        if (_routed[vector])
        {
            frame.TryDeliver(_data[vector]);
        }
        else
        {
            Msix.Notify(device, vector);
        }
    }
}
