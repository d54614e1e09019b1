// Implements: the per-function bus-master address space (pci.md §1.5; pci.c do_pci_register_device and
// pci_init_bus_master): an AddressSpace named after the device type whose root is the container
// "bus master container" holding the alias "bus master" onto the bus's DMA root (system memory on gpex: no
// IOMMU), enabled only while Command.Bus Master Enable is set, so DMA and MSI writes are dropped with BME=0.
// pci_dma_read/pci_dma_write and msi_send_message go through it with the function's requester id.
using Nemu.Core;
using Nemu.Memory;

namespace Nemu.Pci;

/// <summary>Bus mastering: DMA and message writes.</summary>
public abstract partial class PciDevice
{
    private MemoryRegion? _busMasterContainer;
    private MemoryRegion? _busMasterEnable;

    /// <summary>The address space the function's DMA and messages go through (null until realized).</summary>
    public AddressSpace? BusMasterAddressSpace { get; protected internal set; }

    /// <summary>Command register Bus Master Enable.</summary>
    public bool IsBusMaster => (GetWord(PciConfig.Command) & PciConfig.CommandMaster) != 0;

    /// <summary>The requester id of the function's transactions (bus number &lt;&lt; 8 | devfn).</summary>
    public int RequesterId => ((Bus?.Number ?? 0) << 8) | Math.Max(Devfn, 0);

    /// <summary>Sends <paramref name="message"/> through the bus-master address space (dropped while BME is off).</summary>
    public void SendMessage(MsiMessage message)
    {
        // The disabled "bus master" alias already drops it; the check also covers a function whose bus-master
        // space was supplied without that alias (QEMU: msi_send_message through pci_get_address_space).
        if (IsBusMaster)
        {
            BusMasterAddressSpace?.Write(new GuestAddress(message.Address), message.Data, 4, Attrs);
        }
    }

    /// <summary>DMA read through the bus-master address space (pci_dma_read); unmapped bytes read as the bus returns them.</summary>
    public MemTxResult DmaRead(ulong address, Span<byte> buffer) =>
        BusMasterAddressSpace?.ReadBuffer(new GuestAddress(address), buffer, Attrs) ?? MemTxResult.DecodeError;

    /// <summary>DMA write through the bus-master address space (pci_dma_write).</summary>
    public MemTxResult DmaWrite(ulong address, ReadOnlySpan<byte> buffer) =>
        BusMasterAddressSpace?.WriteBuffer(new GuestAddress(address), buffer, Attrs) ?? MemTxResult.DecodeError;

    /// <summary>The bus-master container (holding the "bus master" alias) and the BAR regions.</summary>
    public override IEnumerable<MemoryRegion> OwnedMemoryRegionRoots
    {
        get
        {
            if (_busMasterContainer is not null)
            {
                yield return _busMasterContainer;
            }

            foreach (var bar in Bars)
            {
                if (bar is not null)
                {
                    yield return bar.Region;
                }
            }
        }
    }

    private MemTxAttrs Attrs => new(RequesterId: (ushort)RequesterId);

    private void InitBusMaster(PciBus bus)
    {
        if (bus.MemorySystem is not { } system || bus.DmaRoot is not { } dmaRoot)
        {
            return;
        }

        _busMasterContainer = MemoryRegion.CreateContainer("bus master container", ulong.MaxValue, this);
        _busMasterEnable = MemoryRegion.CreateAlias("bus master", dmaRoot, 0, dmaRoot.Size, this);
        _busMasterEnable.Enabled = false;
        _busMasterContainer.AddSubregion(0, _busMasterEnable);
        BusMasterAddressSpace = new AddressSpace(system, Type.Name, _busMasterContainer);
        UpdateBusMasterEnable();
    }

    private void DestroyBusMaster()
    {
        BusMasterAddressSpace?.Dispose();
        BusMasterAddressSpace = null;
        _busMasterContainer = null;
        _busMasterEnable = null;
    }

    private void UpdateBusMasterEnable()
    {
        if (_busMasterEnable is { } alias)
        {
            alias.Enabled = IsBusMaster;
        }
    }
}
