// Implements: QEMU's BAR handling (pci.md §2.3): pci_register_bar (type bits, wmask ~(size-1), 64-bit BARs
// spanning two slots, ROM enable bit), pci_bar_address (decode enables, ROM enable, wrap/zero/4 GiB rules) and
// pci_update_mappings (a changed BAR is removed and re-added into the bus's memory or I/O root with priority 1),
// run inside one memory transaction so a move is atomic. Not modelled: VGA ranges (pci_update_vga), power.
using Nemu.Memory;

namespace Nemu.Pci;

/// <summary>Base address registers.</summary>
public abstract partial class PciDevice
{
    /// <summary>Index of the expansion ROM in <see cref="Bars"/> (QEMU's PCI_ROM_SLOT).</summary>
    public const int RomSlot = 6;

    private readonly PciBar?[] _bars = new PciBar?[7];

    /// <summary>BARs 0-5 and the expansion ROM (6); null where none is registered.</summary>
    public IReadOnlyList<PciBar?> Bars => _bars;

    /// <summary>Registers BAR <paramref name="index"/> (pci_register_bar); sets its type bits and wmask.</summary>
    public void RegisterBar(int index, PciBarType type, MemoryRegion region)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, RomSlot);
        var size = region.Size;
        if (size == 0 || size > ulong.MaxValue || ((ulong)size & ((ulong)size - 1)) != 0)
        {
            throw new ArgumentException($"{region.Name}: a BAR size must be a power of two", nameof(region));
        }

        if (IsBridge && index is > 1 and < RomSlot)
        {
            throw new ArgumentOutOfRangeException(nameof(index), "a type 1 header has only BAR0 and BAR1");
        }

        _bars[index] = new PciBar(index, type, region);
        var wmask = ~((ulong)size - 1);
        if (index == RomSlot)
        {
            wmask |= PciConfig.RomAddressEnable;
        }

        var offset = BarOffset(index);
        SetLong(offset, (uint)type);
        if ((type & PciBarType.Io) == 0 && (type & PciBarType.Memory64) != 0)
        {
            SetLong(Wmask, offset, (uint)wmask);
            SetLong(Wmask, offset + 4, (uint)(wmask >> 32));
            SetLong(Cmask, offset, uint.MaxValue);
            SetLong(Cmask, offset + 4, uint.MaxValue);
        }
        else
        {
            SetLong(Wmask, offset, (uint)wmask);
            SetLong(Cmask, offset, uint.MaxValue);
        }
    }

    /// <summary>The bus address BAR <paramref name="index"/> is mapped at, or <see cref="PciBar.Unmapped"/> (pci_get_bar_addr).</summary>
    public ulong GetBarAddress(int index) => _bars[index]?.Address ?? PciBar.Unmapped;

    /// <summary>Config offset of BAR <paramref name="index"/> (pci_bar): 0x10 + 4n, ROM at 0x30 (0x38 on bridges).</summary>
    public int BarOffset(int index) =>
        index == RomSlot ? (IsBridge ? PciConfig.BridgeRomAddress : PciConfig.RomAddress) : PciConfig.BaseAddress0 + (4 * index);

    /// <summary>pci_update_mappings: re-evaluates every BAR and moves changed ones, in one transaction.</summary>
    protected void UpdateMappings()
    {
        var bus = Bus;
        if (bus is null)
        {
            return;
        }

        using var t = bus.MemorySystem?.Transaction() ?? default;
        for (var i = 0; i < _bars.Length; i++)
        {
            if (_bars[i] is not { } bar)
            {
                continue;
            }

            var newAddress = ComputeBarAddress(bar);
            if (newAddress == bar.Address)
            {
                continue;
            }

            var space = bar.IsIo ? bus.IoRoot : bus.MemoryRoot;
            if (bar.Address != PciBar.Unmapped)
            {
                space.RemoveSubregion(bar.Region);
            }

            bar.Address = newAddress;
            if (newAddress != PciBar.Unmapped)
            {
                space.AddSubregionOverlap(newAddress, bar.Region, 1);
            }
        }
    }

    private void UnmapAllBars()
    {
        foreach (var bar in _bars)
        {
            if (bar is { Address: not PciBar.Unmapped } && Bus is { } bus)
            {
                (bar.IsIo ? bus.IoRoot : bus.MemoryRoot).RemoveSubregion(bar.Region);
                bar.Address = PciBar.Unmapped;
            }
        }
    }

    // pci_bar_address.
    private ulong ComputeBarAddress(PciBar bar)
    {
        var command = GetWord(PciConfig.Command);
        var offset = BarOffset(bar.Index);
        var size = bar.Size;
        var allowZero = Bus?.AllowZeroAddress ?? false;
        if (bar.IsIo)
        {
            if ((command & PciConfig.CommandIo) == 0)
            {
                return PciBar.Unmapped;
            }

            var ioAddress = GetLong(offset) & ~(size - 1);
            var ioLast = ioAddress + size - 1;
            return ioLast <= ioAddress || ioLast >= uint.MaxValue || (!allowZero && ioAddress == 0) ? PciBar.Unmapped : ioAddress;
        }

        if ((command & PciConfig.CommandMemory) == 0)
        {
            return PciBar.Unmapped;
        }

        ulong address = bar.Is64Bit ? GetLong(offset) | ((ulong)GetLong(offset + 4) << 32) : GetLong(offset);
        if (bar.Index == RomSlot && (address & PciConfig.RomAddressEnable) == 0)
        {
            return PciBar.Unmapped;
        }

        address &= ~(size - 1);
        var last = address + size - 1;
        if (last <= address || last == PciBar.Unmapped || (!allowZero && address == 0))
        {
            return PciBar.Unmapped;
        }

        if (!bar.Is64Bit && last >= uint.MaxValue)
        {
            return PciBar.Unmapped;
        }

        return address;
    }
}
