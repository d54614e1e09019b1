// Implements: libqos MSI-X helpers (tests/qtest/libqos/pci.c qpci_msix_enable/disable/pending/masked/table_size,
// qpci_msix_set_entry/set_masked of newer trees; pci.md §7.2, §4.1): the table and PBA locations come from the
// capability's Table/PBA Offset/BIR dwords, their BARs are mapped with IoMap. qpci_msix_pending historically
// wrote the PBA dword back with the bit cleared; PBA writes are ignored by the device, so this reads only.
namespace Nemu.Testing.Qtest;

/// <summary>MSI-X helpers.</summary>
public sealed partial class QPciDevice
{
    private const byte CapIdMsix = 0x11;
    private const ushort MsixEnableBit = 0x8000;
    private const ushort MsixFunctionMask = 0x4000;

    /// <summary>True between <see cref="MsixEnable"/> and <see cref="MsixDisable"/>.</summary>
    public bool MsixEnabled { get; private set; }

    /// <summary>The BAR holding the MSI-X table (valid once enabled).</summary>
    public QPciBar MsixTableBar { get; private set; }

    public ulong MsixTableOffset { get; private set; }

    /// <summary>The BAR holding the PBA (valid once enabled).</summary>
    public QPciBar MsixPbaBar { get; private set; }

    public ulong MsixPbaOffset { get; private set; }

    /// <summary>Sets MSI-X Enable and maps the table and PBA BARs (qpci_msix_enable).</summary>
    public void MsixEnable()
    {
        var cap = MsixCapability();
        ConfigWriteW(cap + 2, (ushort)(ConfigReadW(cap + 2) | MsixEnableBit));
        var table = ConfigReadL(cap + 4);
        MsixTableBar = IoMap((int)(table & 0x7));
        MsixTableOffset = table & ~0x7u;
        var pba = ConfigReadL(cap + 8);
        MsixPbaBar = (pba & 0x7) == (table & 0x7) ? MsixTableBar : IoMap((int)(pba & 0x7));
        MsixPbaOffset = pba & ~0x7u;
        MsixEnabled = true;
    }

    /// <summary>Clears MSI-X Enable (qpci_msix_disable); the BARs stay programmed.</summary>
    public void MsixDisable()
    {
        var cap = MsixCapability();
        ConfigWriteW(cap + 2, (ushort)(ConfigReadW(cap + 2) & ~MsixEnableBit));
        MsixEnabled = false;
    }

    /// <summary>The entry's Pending Bit (qpci_msix_pending).</summary>
    public bool MsixIsPending(int entry)
    {
        RequireMsix();
        var dword = ReadL(MsixPbaBar, MsixPbaOffset + ((ulong)(entry / 32) * 4));
        return (dword & (1u << (entry % 32))) != 0;
    }

    /// <summary>True when Function Mask is set or the entry's Mask bit is (qpci_msix_masked).</summary>
    public bool MsixIsMasked(int entry)
    {
        RequireMsix();
        if ((ConfigReadW(MsixCapability() + 2) & MsixFunctionMask) != 0)
        {
            return true;
        }

        return (ReadL(MsixTableBar, EntryOffset(entry) + 12) & 1) != 0;
    }

    /// <summary>Table Size + 1 from Message Control (qpci_msix_table_size).</summary>
    public int MsixTableSize() => (ConfigReadW(MsixCapability() + 2) & 0x07ff) + 1;

    /// <summary>Writes the entry's Message Address and Data (qpci_msix_set_entry).</summary>
    public void MsixSetEntry(int entry, ulong address, uint data)
    {
        RequireMsix();
        var offset = EntryOffset(entry);
        WriteL(MsixTableBar, offset, (uint)address);
        WriteL(MsixTableBar, offset + 4, (uint)(address >> 32));
        WriteL(MsixTableBar, offset + 8, data);
    }

    /// <summary>Sets or clears the entry's Mask bit in Vector Control (qpci_msix_set_masked).</summary>
    public void MsixSetMasked(int entry, bool masked)
    {
        RequireMsix();
        var offset = EntryOffset(entry) + 12;
        var control = ReadL(MsixTableBar, offset);
        WriteL(MsixTableBar, offset, masked ? control | 1 : control & ~1u);
    }

    private ulong EntryOffset(int entry) => MsixTableOffset + ((ulong)entry * 16);

    private byte MsixCapability()
    {
        var cap = FindCapability(CapIdMsix);
        return cap != 0 ? cap : throw new InvalidOperationException($"{Describe()} has no MSI-X capability");
    }

    private void RequireMsix()
    {
        if (!MsixEnabled)
        {
            throw new InvalidOperationException($"{Describe()}: call MsixEnable first");
        }
    }
}
