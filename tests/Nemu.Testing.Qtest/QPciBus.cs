// Implements: libqos generic PCI host access (tests/qtest/libqos/generic-pcihost.c, pci.c; pci.md §7.2): config
// space through ECAM (address = base + (devfn << 12) + offset, devfn carrying the bus number in bits 8 and up),
// BAR space from bump allocators: MMIO from the host's 32-bit window, PIO ports from 0x1000 below 64 KiB,
// reached at the PIO window's CPU address plus the port.
namespace Nemu.Testing.Qtest;

/// <summary>A PCI host bridge as libqos sees it: ECAM config access and BAR address allocation.</summary>
public sealed class QPciBus
{
    public QPciBus(QtestClient qts, ulong ecamBase, ulong mmioBase, ulong mmioLimit, ulong pioCpuBase, ulong pioBase, ulong pioLimit)
    {
        Qts = qts;
        EcamBase = ecamBase;
        MmioAllocPtr = mmioBase;
        MmioLimit = mmioLimit;
        PioCpuBase = pioCpuBase;
        PioAllocPtr = pioBase;
        PioLimit = pioLimit;
    }

    /// <summary>The virt board with highmem=off: ECAM 0x3f000000, MMIO window 0x10000000-0x3efeffff, PIO window at 0x3eff0000.</summary>
    public static QPciBus Virt(QtestClient qts) => new(qts, 0x3f000000, 0x10000000, 0x3eff0000, 0x3eff0000, 0x1000, 0x10000);

    public QtestClient Qts { get; }

    public ulong EcamBase { get; }

    /// <summary>The next free MMIO address (libqos mmio_alloc_ptr).</summary>
    public ulong MmioAllocPtr { get; private set; }

    public ulong MmioLimit { get; }

    /// <summary>The CPU address of I/O port 0.</summary>
    public ulong PioCpuBase { get; }

    /// <summary>The next free I/O port (libqos pio_alloc_ptr).</summary>
    public ulong PioAllocPtr { get; private set; }

    public ulong PioLimit { get; }

    /// <summary>The ECAM address of <paramref name="offset"/> in the config space of <paramref name="devfn"/>.</summary>
    public ulong ConfigAddress(int devfn, int offset) => EcamBase + ((ulong)devfn << 12) + (ulong)offset;

    public byte ConfigReadB(int devfn, int offset) => Qts.ReadB(ConfigAddress(devfn, offset));

    public ushort ConfigReadW(int devfn, int offset) => Qts.ReadW(ConfigAddress(devfn, offset));

    public uint ConfigReadL(int devfn, int offset) => Qts.ReadL(ConfigAddress(devfn, offset));

    public void ConfigWriteB(int devfn, int offset, byte value) => Qts.WriteB(ConfigAddress(devfn, offset), value);

    public void ConfigWriteW(int devfn, int offset, ushort value) => Qts.WriteW(ConfigAddress(devfn, offset), value);

    public void ConfigWriteL(int devfn, int offset, uint value) => Qts.WriteL(ConfigAddress(devfn, offset), value);

    /// <summary>Allocates <paramref name="size"/> bytes (a power of two) of MMIO space, naturally aligned.</summary>
    public ulong AllocateMmio(ulong size)
    {
        var location = AlignUp(MmioAllocPtr, size);
        if (location + size > MmioLimit)
        {
            throw new InvalidOperationException($"MMIO window exhausted: 0x{size:x} bytes at 0x{location:x} pass 0x{MmioLimit:x}");
        }

        MmioAllocPtr = location + size;
        return location;
    }

    /// <summary>Allocates <paramref name="size"/> I/O ports, naturally aligned.</summary>
    public ulong AllocatePio(ulong size)
    {
        var location = AlignUp(PioAllocPtr, size);
        if (location + size > PioLimit)
        {
            throw new InvalidOperationException($"PIO space exhausted: 0x{size:x} ports at 0x{location:x} pass 0x{PioLimit:x}");
        }

        PioAllocPtr = location + size;
        return location;
    }

    private static ulong AlignUp(ulong value, ulong alignment) => (value + alignment - 1) & ~(alignment - 1);
}
