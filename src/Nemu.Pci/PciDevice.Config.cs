// Implements: configuration-space access of QEMU's PCIDevice (pci.md §2.2, §2.5): the default masks
// (pci_init_wmask/w1cmask/cmask), pci_default_read_config, pci_default_write_config with its side effects
// (BAR remapping on writes touching BARs/ROM/Command byte 0x04, INTx-disable propagation, bus-master
// enable, MSI/MSI-X hooks), and the host-side entry pci_host_config_read/write_common (limit = config size,
// 256 on a bus without extended config space; access length clipped at the limit; beyond it all-ones/ignored).
namespace Nemu.Pci;

/// <summary>Configuration-space access.</summary>
public abstract partial class PciDevice
{
    /// <summary>Size of the function's configuration space (256 or 4096).</summary>
    public int ConfigSize => Config.Length;

    /// <summary>Config read of <paramref name="length"/> (1, 2 or 4) bytes at <paramref name="address"/> (pci_default_read_config).</summary>
    public virtual uint ConfigRead(int address, int length)
    {
        uint value = 0;
        var end = Math.Min(address + length, Config.Length);
        for (var i = address; i < end; i++)
        {
            value |= (uint)Config[i] << (8 * (i - address));
        }

        return value;
    }

    /// <summary>Config write (pci_default_write_config): wmask, w1cmask, then mapping/INTx/MSI side effects.</summary>
    public virtual void ConfigWrite(int address, uint value, int length)
    {
        var wasIntxDisabled = IsIntxDisabled;
        var end = Math.Min(address + length, Config.Length);
        for (var a = address; a < end; a++)
        {
            var b = (byte)(value >> (8 * (a - address)));
            var w = Wmask[a];
            Config[a] = (byte)((Config[a] & ~w) | (b & w));
            Config[a] &= (byte)~(b & W1cmask[a]);
        }

        var coversCommand = address <= PciConfig.Command && PciConfig.Command < address + length;
        if (Overlaps(address, length, PciConfig.BaseAddress0, 24) || Overlaps(address, length, PciConfig.RomAddress, 4) ||
            Overlaps(address, length, PciConfig.BridgeRomAddress, 4) || coversCommand)
        {
            UpdateMappings();
        }

        if (coversCommand)
        {
            UpdateIntxDisabled(wasIntxDisabled);
            UpdateBusMasterEnable();
        }

        Msi.WriteConfig(this, address, value, length);
        Msix.WriteConfig(this, address, value, length);
    }

    /// <summary>
    /// A configuration read arriving from a host bridge (pci_host_config_read_common): all-ones at or beyond the
    /// config limit, otherwise <see cref="ConfigRead"/> with the length clipped at the limit.
    /// </summary>
    public uint HostConfigRead(int address, int length)
    {
        var limit = HostConfigLimit;
        if (address < 0 || limit <= address)
        {
            return uint.MaxValue;
        }

        return ConfigRead(address, Math.Min(length, limit - address));
    }

    /// <summary>A configuration write arriving from a host bridge (pci_host_config_write_common).</summary>
    public void HostConfigWrite(int address, uint value, int length)
    {
        var limit = HostConfigLimit;
        if (address < 0 || limit <= address)
        {
            return;
        }

        ConfigWrite(address, value, Math.Min(length, limit - address));
    }

    public ushort GetWord(int offset) => (ushort)(Config[offset] | (Config[offset + 1] << 8));

    public void SetWord(int offset, ushort value)
    {
        Config[offset] = (byte)value;
        Config[offset + 1] = (byte)(value >> 8);
    }

    public uint GetLong(int offset) => GetWord(offset) | ((uint)GetWord(offset + 2) << 16);

    public void SetLong(int offset, uint value)
    {
        SetWord(offset, (ushort)value);
        SetWord(offset + 2, (ushort)(value >> 16));
    }

    /// <summary>Sets a 16-bit value in a mask array (wmask/w1cmask/cmask) or config.</summary>
    protected static void SetWord(byte[] array, int offset, ushort value)
    {
        array[offset] = (byte)value;
        array[offset + 1] = (byte)(value >> 8);
    }

    /// <summary>Sets a 32-bit value in a mask array (wmask/w1cmask/cmask) or config.</summary>
    protected static void SetLong(byte[] array, int offset, uint value)
    {
        SetWord(array, offset, (ushort)value);
        SetWord(array, offset + 2, (ushort)(value >> 16));
    }

    protected static bool Overlaps(int address, int length, int start, int size) => address < start + size && start < address + length;

    // pci_adjust_config_limit: extended config space only where every bus up to the root is PCI Express.
    private int HostConfigLimit => Bus is { AllowsExtendedConfigSpace: false } ? Math.Min(Config.Length, PciConfig.ConfigSpaceSize) : Config.Length;

    // pci_init_wmask / pci_init_w1cmask / pci_init_cmask.
    private void InitDefaultMasks()
    {
        Wmask[PciConfig.CacheLineSize] = 0xff;
        Wmask[PciConfig.InterruptLine] = 0xff;
        SetWord(Wmask, PciConfig.Command, PciConfig.CommandIo | PciConfig.CommandMemory | PciConfig.CommandMaster |
            PciConfig.CommandIntxDisable | PciConfig.CommandSerr);
        Array.Fill(Wmask, (byte)0xff, PciConfig.HeaderSize, Config.Length - PciConfig.HeaderSize);
        SetWord(W1cmask, PciConfig.Status, PciConfig.StatusW1cBits);
        SetWord(Cmask, PciConfig.VendorId, 0xffff);
        SetWord(Cmask, PciConfig.DeviceId, 0xffff);
        Cmask[PciConfig.Status] = (byte)PciConfig.StatusCapList;
        Cmask[PciConfig.RevisionId] = 0xff;
        Cmask[PciConfig.ClassProg] = 0xff;
        SetWord(Cmask, PciConfig.ClassDevice, 0xffff);
        Cmask[PciConfig.HeaderType] = 0xff;
        Cmask[PciConfig.CapabilityList] = 0xff;
    }
}
