using Nemu.Memory;

namespace Nemu.Pci.Tests;

/// <summary>
/// A bare PCI function at a chosen bus number and devfn, optionally with a hand-built MSI or MSI-X capability laid
/// out as msi_init / msix_init would (so allocator tests do not depend on the Msi/Msix implementation).
/// </summary>
internal sealed class MsiFunction : PciDevice
{
    public MsiFunction(int devfn, int busNumber = 0)
    {
        Devfn = devfn;
        if (busNumber != 0)
        {
            Bus = new PciBus(new Qdev.Bus($"bus{busNumber}", "PCI"), MemoryRegion.CreateContainer("mem", 1 << 20), MemoryRegion.CreateContainer("io", 1 << 16), null)
            {
                Number = busNumber,
            };
        }
    }

    public static MsiFunction WithMsi(int devfn, bool is64Bit)
    {
        var f = new MsiFunction(devfn);
        var cap = f.AddCapability(PciConfig.CapIdMsi, 0x40, is64Bit ? 0x0e : 0x0a, out _);
        f.SetWord(cap + 2, (ushort)(is64Bit ? 0x0082 : 0x0002));
        f.Wmask[cap + 2] = 0x71;
        f.Wmask[cap + 4] = 0xfc;
        f.Wmask.AsSpan(cap + 5, is64Bit ? 7 : 3).Fill(0xff);
        f.Wmask.AsSpan(cap + (is64Bit ? 0x0c : 0x08), 2).Fill(0xff);
        f.MsiState = new MsiState { CapOffset = cap };
        return f;
    }

    public static MsiFunction WithMsixInRam(int devfn, uint tableOffset)
    {
        var f = new MsiFunction(devfn);
        var system = new MemorySystem();
        var bar = MemoryRegion.CreateContainer("msix-bar", 0x1000);
        f.RegisterBar(0, PciBarType.Memory32, bar);
        f.BusMasterAddressSpace = new AddressSpace(system, "bus master", MemoryRegion.CreateContainer("bus master container", 1UL << 32));
        if (Msix.Init(f, 8, bar, 0, tableOffset, bar, 0, 0x800, 0x40, out var error) < 0)
        {
            throw new InvalidOperationException(error);
        }

        return f;
    }
}
