// Implements: libqos PCI device helpers (tests/qtest/libqos/pci.c; pci.md §7.2): qpci_device_find (vendor 0xffff
// means absent), qpci_device_enable (IO|MEM|MASTER, checked to stick), qpci_find_capability, qpci_iomap (size
// the BAR with all ones, allocate from the bus's bump allocator, program it; 64-bit BARs get their upper half),
// MSI enable with one message, and BAR-relative accessors. MSI-X helpers are in QPciDevice.Msix.cs.
namespace Nemu.Testing.Qtest;

/// <summary>One PCI function reached through a <see cref="QPciBus"/>.</summary>
public sealed partial class QPciDevice
{
    private const int Command = 0x04;
    private const int CapabilityList = 0x34;
    private const int BaseAddress0 = 0x10;
    private const ushort CommandIo = 0x1;
    private const ushort CommandMemory = 0x2;
    private const ushort CommandMaster = 0x4;

    private QPciDevice(QPciBus bus, int devfn)
    {
        Bus = bus;
        Devfn = devfn;
    }

    public QPciBus Bus { get; }

    /// <summary>bus &lt;&lt; 8 | slot &lt;&lt; 3 | function.</summary>
    public int Devfn { get; }

    public ushort VendorId => ConfigReadW(0x00);

    public ushort DeviceId => ConfigReadW(0x02);

    /// <summary>The function at <paramref name="devfn"/>, or null when its vendor id reads 0xffff.</summary>
    public static QPciDevice? Find(QPciBus bus, int devfn) =>
        bus.ConfigReadW(devfn, 0x00) == 0xffff ? null : new QPciDevice(bus, devfn);

    /// <summary>The function at <paramref name="slot"/>.<paramref name="function"/> on bus <paramref name="busNumber"/>, or null.</summary>
    public static QPciDevice? Find(QPciBus bus, int slot, int function, int busNumber = 0) =>
        Find(bus, (busNumber << 8) | (slot << 3) | function);

    public byte ConfigReadB(int offset) => Bus.ConfigReadB(Devfn, offset);

    public ushort ConfigReadW(int offset) => Bus.ConfigReadW(Devfn, offset);

    public uint ConfigReadL(int offset) => Bus.ConfigReadL(Devfn, offset);

    public void ConfigWriteB(int offset, byte value) => Bus.ConfigWriteB(Devfn, offset, value);

    public void ConfigWriteW(int offset, ushort value) => Bus.ConfigWriteW(Devfn, offset, value);

    public void ConfigWriteL(int offset, uint value) => Bus.ConfigWriteL(Devfn, offset, value);

    /// <summary>Sets I/O, Memory and Bus Master enable and checks that they stick (qpci_device_enable).</summary>
    public void Enable()
    {
        var command = (ushort)(ConfigReadW(Command) | CommandIo | CommandMemory | CommandMaster);
        ConfigWriteW(Command, command);
        var readBack = ConfigReadW(Command);
        foreach (var (bit, name) in new[] { (CommandIo, "I/O"), (CommandMemory, "Memory"), (CommandMaster, "Bus Master") })
        {
            if ((readBack & bit) == 0)
            {
                throw new InvalidOperationException($"{Describe()}: Command {name} enable did not stick (reads 0x{readBack:x4})");
            }
        }
    }

    /// <summary>
    /// The config offset of the capability <paramref name="id"/> after the one at <paramref name="start"/> (0: from the
    /// list head), or 0 when there is none (qpci_find_capability).
    /// </summary>
    public byte FindCapability(byte id, byte start = 0)
    {
        var address = start != 0 ? ConfigReadB(start + 1) : ConfigReadB(CapabilityList);
        for (var guard = 0; address != 0 && guard < 64; guard++)
        {
            if (ConfigReadB(address) == id)
            {
                return address;
            }

            address = ConfigReadB(address + 1);
        }

        return 0;
    }

    /// <summary>Sizes BAR <paramref name="barNumber"/>, allocates space for it and programs it (qpci_iomap).</summary>
    public QPciBar IoMap(int barNumber)
    {
        var register = BaseAddress0 + (4 * barNumber);
        ConfigWriteL(register, 0xffffffff);
        ulong raw = ConfigReadL(register);
        var isIo = (raw & 0x1) != 0;
        var is64 = !isIo && (raw & 0x6) == 0x4;
        ulong mask = isIo ? raw & ~0x3UL : raw & ~0xfUL;
        if (is64)
        {
            ConfigWriteL(register + 4, 0xffffffff);
            mask |= (ulong)ConfigReadL(register + 4) << 32;
        }

        // The size is the lowest writable address bit (libqos: 1 << ctz(addr)).
        if (mask == 0)
        {
            throw new InvalidOperationException($"{Describe()}: BAR{barNumber} is not implemented (reads 0x{raw:x8} after writing all ones)");
        }

        var size = mask & (~mask + 1);
        if (isIo)
        {
            var port = Bus.AllocatePio(size);
            ConfigWriteL(register, (uint)port | 0x1);
            return new QPciBar(Bus.PioCpuBase + port, port, size, IsIo: true);
        }

        var address = Bus.AllocateMmio(size);
        ConfigWriteL(register, (uint)address);
        if (is64)
        {
            ConfigWriteL(register + 4, (uint)(address >> 32));
        }

        return new QPciBar(address, address, size, IsIo: false);
    }

    /// <summary>Programs the MSI capability with one message and sets MSI Enable (like libqos devices do).</summary>
    public void MsiEnable(ulong address, ushort data)
    {
        var cap = FindCapability(0x05);
        if (cap == 0)
        {
            throw new InvalidOperationException($"{Describe()} has no MSI capability");
        }

        var flags = ConfigReadW(cap + 2);
        var is64 = (flags & 0x0080) != 0;
        ConfigWriteL(cap + 4, (uint)address);
        if (is64)
        {
            ConfigWriteL(cap + 8, (uint)(address >> 32));
            ConfigWriteW(cap + 12, data);
        }
        else
        {
            ConfigWriteW(cap + 8, data);
        }

        ConfigWriteW(cap + 2, (ushort)(flags | 0x0001));
    }

    /// <summary>Clears MSI Enable.</summary>
    public void MsiDisable()
    {
        var cap = FindCapability(0x05);
        if (cap != 0)
        {
            ConfigWriteW(cap + 2, (ushort)(ConfigReadW(cap + 2) & ~0x0001));
        }
    }

    public byte ReadB(QPciBar bar, ulong offset) => Bus.Qts.ReadB(bar.CpuAddress + offset);

    public ushort ReadW(QPciBar bar, ulong offset) => Bus.Qts.ReadW(bar.CpuAddress + offset);

    public uint ReadL(QPciBar bar, ulong offset) => Bus.Qts.ReadL(bar.CpuAddress + offset);

    public ulong ReadQ(QPciBar bar, ulong offset) => Bus.Qts.ReadQ(bar.CpuAddress + offset);

    public void WriteB(QPciBar bar, ulong offset, byte value) => Bus.Qts.WriteB(bar.CpuAddress + offset, value);

    public void WriteW(QPciBar bar, ulong offset, ushort value) => Bus.Qts.WriteW(bar.CpuAddress + offset, value);

    public void WriteL(QPciBar bar, ulong offset, uint value) => Bus.Qts.WriteL(bar.CpuAddress + offset, value);

    public void WriteQ(QPciBar bar, ulong offset, ulong value) => Bus.Qts.WriteQ(bar.CpuAddress + offset, value);

    private string Describe() => $"PCI {Devfn >> 8:x2}:{(Devfn >> 3) & 0x1f:x2}.{Devfn & 7}";
}
