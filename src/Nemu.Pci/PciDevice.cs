// Implements: QEMU's PCIDevice (hw/pci/pci.c; pci.md §2): configuration space with per-byte wmask /
// w1cmask / cmask, BAR registration, capabilities, INTx, bus mastering, MSI/MSI-X hooks.
// SEAM: this file gives the public surface other pieces call; piece P completes the behaviour (BAR mapping,
// capability lists, INTx routing, bus-master address space, reset, VMState) and may split it into partials.
using Nemu.Core;
using Nemu.Memory;
using Nemu.Qdev;

namespace Nemu.Pci;

/// <summary>Base of every PCI function: type 0 header by default, PCIe when <see cref="IsExpress"/>.</summary>
public abstract class PciDevice : Device
{
    /// <summary>QEMU's TYPE_PCI_DEVICE.</summary>
    public new const string TypeName = "pci-device";

    /// <summary>The qdev bus type a conventional PCI device plugs into (qtree prints <c>type PCI</c>).</summary>
    public const string BusTypeName = "PCI";

    private readonly PciBar?[] _bars = new PciBar?[7];

    protected PciDevice(bool isExpress = false)
    {
        IsExpress = isExpress;
        var size = isExpress ? PciConfig.ExpressConfigSpaceSize : PciConfig.ConfigSpaceSize;
        Config = new byte[size];
        Wmask = new byte[size];
        W1cmask = new byte[size];
        Cmask = new byte[size];
        Used = new byte[size];
    }

    /// <summary>A PCI Express function: 4 KiB of config space.</summary>
    public bool IsExpress { get; }

    /// <summary>Configuration space (little-endian).</summary>
    public byte[] Config { get; }

    /// <summary>Bits a config write may change.</summary>
    public byte[] Wmask { get; }

    /// <summary>Bits a config write of 1 clears.</summary>
    public byte[] W1cmask { get; }

    /// <summary>Bits checked on migration (QEMU's cmask).</summary>
    public byte[] Cmask { get; }

    /// <summary>Bytes claimed by capabilities.</summary>
    public byte[] Used { get; }

    /// <summary>Device and function number on its bus (slot &lt;&lt; 3 | function); -1 before it is plugged.</summary>
    public int Devfn { get; protected internal set; } = -1;

    /// <summary>The PCI bus the function is on, once realized.</summary>
    public PciBus? Bus { get; protected internal set; }

    /// <summary>BARs 0-5 and the expansion ROM (6); null where none is registered.</summary>
    public IReadOnlyList<PciBar?> Bars => _bars;

    /// <summary>MSI state when the function has an MSI capability (owned by <see cref="Msi"/>).</summary>
    public MsiState? MsiState { get; set; }

    /// <summary>MSI-X state when the function has an MSI-X capability (owned by <see cref="Msix"/>).</summary>
    public MsixState? MsixState { get; set; }

    /// <summary>The address space the function's DMA and messages go through (null until realized).</summary>
    public AddressSpace? BusMasterAddressSpace { get; protected internal set; }

    /// <summary>Command register Bus Master Enable.</summary>
    public bool IsBusMaster => (GetWord(PciConfig.Command) & PciConfig.CommandMaster) != 0;

    /// <summary>Config read of <paramref name="length"/> (1, 2 or 4) bytes at <paramref name="address"/> (pci_default_read_config).</summary>
    public virtual uint ConfigRead(int address, int length)
    {
        uint value = 0;
        for (var i = 0; i < length; i++)
        {
            value |= (uint)Config[address + i] << (8 * i);
        }

        return value;
    }

    /// <summary>Config write (pci_default_write_config): wmask, w1cmask, then mapping/INTx/MSI side effects.</summary>
    public virtual void ConfigWrite(int address, uint value, int length)
    {
        for (var i = 0; i < length; i++)
        {
            var a = address + i;
            var b = (byte)(value >> (8 * i));
            var w = Wmask[a];
            var w1c = W1cmask[a];
            Config[a] = (byte)((Config[a] & ~w) | (b & w));
            Config[a] &= (byte)~(b & w1c);
        }

        Msi.WriteConfig(this, address, value, length);
        Msix.WriteConfig(this, address, value, length);
    }

    /// <summary>Registers BAR <paramref name="index"/> (pci_register_bar); sets its type bits and wmask.</summary>
    public void RegisterBar(int index, PciBarType type, MemoryRegion region) =>
        _bars[index] = new PciBar(index, type, region);

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
        Array.Fill(Used, (byte)0xff, offset, size);
        Array.Clear(Wmask, offset, size);
        Array.Clear(W1cmask, offset, size);
        Array.Fill(Cmask, (byte)0xff, offset, size);
        return offset;
    }

    private int FindFreeCapabilitySpace(int size)
    {
        var run = 0;
        for (var i = 0x40; i < PciConfig.ConfigSpaceSize; i++)
        {
            run = Used[i] == 0 ? run + 1 : 0;
            if (run == size)
            {
                // QEMU's pci_find_space returns the first free run; dword alignment comes from callers' sizes.
                return i - size + 1;
            }
        }

        return -1;
    }

    /// <summary>Adds a PCIe extended capability (pcie_add_capability) at <paramref name="offset"/> ≥ 0x100.</summary>
    public void AddExtendedCapability(ushort capId, byte version, int offset, int size)
    {
    }

    /// <summary>Drives the function's INTx pin (pci_set_irq): updates Status.Interrupt, honours INTx Disable.</summary>
    public void SetIrq(bool level)
    {
    }

    /// <summary>Sends <paramref name="message"/> through the bus-master address space (dropped while BME is off).</summary>
    public void SendMessage(MsiMessage message)
    {
        // SEAM: BME gating here; piece P moves it into the bus-master alias (pci.md §1.5).
        if (BusMasterAddressSpace is { } space && IsBusMaster)
        {
            space.Write(new GuestAddress(message.Address), message.Data, 4, new MemTxAttrs(RequesterId: (ushort)RequesterId));
        }
    }

    /// <summary>The requester id of the function's transactions (bus number &lt;&lt; 8 | devfn).</summary>
    public int RequesterId => ((Bus?.Number ?? 0) << 8) | Math.Max(Devfn, 0);

    /// <summary>DMA read through the bus-master address space (pci_dma_read); unmapped bytes read as the bus returns them.</summary>
    public MemTxResult DmaRead(ulong address, Span<byte> buffer) => MemTxResult.DecodeError;

    /// <summary>DMA write through the bus-master address space (pci_dma_write).</summary>
    public MemTxResult DmaWrite(ulong address, ReadOnlySpan<byte> buffer) => MemTxResult.DecodeError;

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

    /// <summary>Starts a device type deriving from <c>pci-device</c> on a PCI bus, with the common PCI properties.</summary>
    protected static DeviceTypeBuilder<TDevice> DefinePci<TDevice>(string name, Func<TDevice>? factory)
        where TDevice : PciDevice =>
        DeviceType.Define(name, factory).Parent(TypeName);
}
