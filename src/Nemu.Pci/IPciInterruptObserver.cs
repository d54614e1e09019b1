// Implements: the host-side hook that seed 004's allocator needs (pci.md §8): the machine learns when a
// function's MSI or MSI-X is enabled or disabled and when a function leaves the bus, so interrupt numbers
// are allocated at set-up and freed for reuse on disable, driver reload or unplug.
namespace Nemu.Pci;

/// <summary>Installed on a host bridge (<see cref="PciBus.InterruptObserver"/> of the root bus) to watch MSI set-up.</summary>
public interface IPciInterruptObserver
{
    /// <summary>
    /// <paramref name="device"/> turned <paramref name="kind"/> on (<paramref name="vectors"/> allocated vectors) or off
    /// (<paramref name="vectors"/> = 0). Returns false to refuse an enable (the function then keeps using INTx).
    /// </summary>
    bool MsiEnableChanged(PciDevice device, MsiKind kind, int vectors);

    /// <summary><paramref name="device"/> is being removed (unrealize / device_del).</summary>
    void DeviceRemoved(PciDevice device);
}
