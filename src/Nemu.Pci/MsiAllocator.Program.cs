// Implements: what firmware (or sPAPR's ibm,change-msi + msix_set_message) does with an allocation, for
// firmware-less in-process tests: the function's MSI address/data registers, or its first MSI-X table entries,
// get the allocator's doorbell and data = the allocated number (GICv2m: data = SPI INTID). MSI-X entries are
// unmasked as sPAPR does; the writes go through the table's MMIO region, so the MSI-X mask logic runs as for a
// guest write. MSI writes are config writes (the MSI write hook runs).
using Nemu.Core;
using Nemu.Memory;

namespace Nemu.Pci;

public sealed partial class MsiAllocator
{
    /// <summary>
    /// Writes <paramref name="device"/>'s allocated numbers into its MSI or MSI-X message registers. False when the
    /// function has no allocation, no capability of the allocated kind, or (MSI-X) no bus-master address space yet.
    /// </summary>
    public bool ProgramVectors(PciDevice device)
    {
        if (!TryGetAllocation(device, out var allocation))
        {
            return false;
        }

        return allocation.Kind == MsiKind.Msi ? ProgramMsi(device, allocation) : ProgramMsix(device, allocation);
    }

    private bool ProgramMsi(PciDevice device, MsiAllocation allocation)
    {
        if (device.MsiState is not { } msi)
        {
            return false;
        }

        var cap = msi.CapOffset;
        var is64 = (device.GetWord(cap + 2) & 0x0080) != 0;
        device.ConfigWrite(cap + 4, (uint)Doorbell, 4);
        if (is64)
        {
            device.ConfigWrite(cap + 8, (uint)(Doorbell >> 32), 4);
        }

        // Vector v of a block sends data | v (pci.md §3), so the block's first number is the base.
        device.ConfigWrite(cap + (is64 ? 0x0c : 0x08), allocation.First, 2);
        return true;
    }

    private bool ProgramMsix(PciDevice device, MsiAllocation allocation)
    {
        if (device.MsixState is not { } msix)
        {
            return false;
        }

        var table = device.GetLong(msix.CapOffset + 4);
        var bar = device.Bars[(int)(table & 7)];
        // The table is written through an address space of the machine's memory system (the one the BAR belongs to),
        // reached through the function's bus-master address space; an unplugged function has none.
        if (bar is null || device.BusMasterAddressSpace is not { } busMaster)
        {
            return false;
        }

        var tableOffset = (ulong)(table & ~7u);
        using var space = new AddressSpace(busMaster.System, "msi-allocator-program", bar.Region);
        var attrs = new MemTxAttrs(RequesterId: (ushort)device.RequesterId);
        for (var v = 0u; v < allocation.Count; v++)
        {
            var entry = new GuestAddress(tableOffset + (16 * v));
            space.Write(entry, (uint)Doorbell, 4, attrs);
            space.Write(entry + 4, (uint)(Doorbell >> 32), 4, attrs);
            space.Write(entry + 8, allocation.First + v, 4, attrs);
            space.Write(entry + 12, 0, 4, attrs);
        }

        return true;
    }
}
