// Implements: capability lists (pci.md §2.4): pci_add_capability (first free run after the header found like
// pci_find_space, or an explicit offset that must not overlap; linked at the head; bytes read-only and checked;
// used[] marked rounded up to a dword), pci_find_capability, and PCIe extended capabilities
// (pcie_add_capability: header id[15:0] version[19:16] next[31:20], appended at the tail of the chain at 0x100).
// Not modelled: pci_del_capability (no hot-unplug of capabilities), pcie_add_capability's assertions become
// ArgumentExceptions (they are programming errors of the device model).
namespace Nemu.Pci;

/// <summary>Capability lists.</summary>
public abstract partial class PciDevice
{
    /// <summary>
    /// Adds a capability (pci_add_capability): at <paramref name="offset"/> (0: first free dword after 0x40) of
    /// <paramref name="size"/> bytes, linked at the list head. Returns the offset, or -1 with <paramref name="error"/>.
    /// </summary>
    public int AddCapability(byte capId, int offset, int size, out string? error)
    {
        error = null;
        if (offset == 0)
        {
            offset = FindFreeCapabilitySpace(size);
            if (offset < 0)
            {
                error = $"no space for a {size}-byte capability 0x{capId:x2}";
                return -1;
            }
        }
        else
        {
            for (var i = offset; i < offset + size; i++)
            {
                if (i >= PciConfig.ConfigSpaceSize || Used[i] != 0)
                {
                    error = $"Failed to add PCI capability 0x{capId:x2}[0x{size:x}]@0x{offset:x}: regions overlap";
                    return -1;
                }
            }
        }

        Config[offset] = capId;
        Config[offset + 1] = Config[PciConfig.CapabilityList];
        Config[PciConfig.CapabilityList] = (byte)offset;
        Config[PciConfig.Status] |= (byte)PciConfig.StatusCapList;
        Array.Fill(Used, (byte)0xff, offset, Math.Min((size + 3) & ~3, PciConfig.ConfigSpaceSize - offset));
        Array.Clear(Wmask, offset, size);
        Array.Clear(W1cmask, offset, size);
        Array.Fill(Cmask, (byte)0xff, offset, size);
        return offset;
    }

    /// <summary>Offset of the first capability <paramref name="capId"/> in the list, or 0 (pci_find_capability).</summary>
    public int FindCapability(byte capId)
    {
        if ((GetWord(PciConfig.Status) & PciConfig.StatusCapList) == 0)
        {
            return 0;
        }

        // A guest cannot change the list (its bytes are read-only), but bound the walk anyway.
        var offset = (int)Config[PciConfig.CapabilityList];
        for (var hops = 0; offset >= PciConfig.HeaderSize && hops < 48; hops++)
        {
            if (Config[offset] == capId)
            {
                return offset;
            }

            offset = Config[offset + 1];
        }

        return 0;
    }

    /// <summary>Adds a PCIe extended capability (pcie_add_capability) at <paramref name="offset"/> ≥ 0x100, appended to the chain.</summary>
    public void AddExtendedCapability(ushort capId, byte version, int offset, int size)
    {
        if (!IsExpress || offset < PciConfig.ExtendedConfigStart || size < 8 || offset + size > PciConfig.ExpressConfigSpaceSize)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), $"extended capability 0x{capId:x4}[0x{size:x}]@0x{offset:x} does not fit");
        }

        if (offset != PciConfig.ExtendedConfigStart)
        {
            var last = LastExtendedCapability();
            SetLong(last, (GetLong(last) & 0x000fffffu) | ((uint)offset << 20));
        }

        SetLong(offset, ExtendedCapabilityHeader(capId, version, 0));
        Array.Clear(Wmask, offset, size);
        Array.Clear(W1cmask, offset, size);
        Array.Fill(Cmask, (byte)0xff, offset, size);
    }

    /// <summary>Offset of extended capability <paramref name="capId"/>, or 0 (pcie_find_capability).</summary>
    public int FindExtendedCapability(ushort capId)
    {
        if (!IsExpress)
        {
            return 0;
        }

        var offset = PciConfig.ExtendedConfigStart;
        for (var hops = 0; offset >= PciConfig.ExtendedConfigStart && hops < 480; hops++)
        {
            var header = GetLong(offset);
            if (header == 0)
            {
                return 0;
            }

            if ((header & 0xffff) == capId)
            {
                return offset;
            }

            offset = (int)(header >> 20) & 0xffc;
        }

        return 0;
    }

    /// <summary>PCI_EXT_CAP(id, ver, next).</summary>
    public static uint ExtendedCapabilityHeader(ushort capId, byte version, int next) =>
        capId | ((uint)(version & 0xf) << 16) | ((uint)next << 20);

    private int LastExtendedCapability()
    {
        var offset = PciConfig.ExtendedConfigStart;
        for (var hops = 0; hops < 480; hops++)
        {
            var next = (int)(GetLong(offset) >> 20) & 0xffc;
            if (next < PciConfig.ExtendedConfigStart)
            {
                return offset;
            }

            offset = next;
        }

        return offset;
    }

    // pci_find_space: the first run of `size` unused bytes after the header.
    private int FindFreeCapabilitySpace(int size)
    {
        var start = PciConfig.HeaderSize;
        for (var i = PciConfig.HeaderSize; i < PciConfig.ConfigSpaceSize; i++)
        {
            if (Used[i] != 0)
            {
                start = i + 1;
            }
            else if (i - start + 1 == size)
            {
                return start;
            }
        }

        return -1;
    }
}
