using Nemu.Core;
using Nemu.Hw;
using Nemu.Hw.Pci;
using Nemu.Memory;
using Nemu.Qdev;

namespace Nemu.Pci.Tests;

/// <summary>
/// A tiny machine with QEMU virt's PCIe layout (highmem=off): gpex-pcihost with ECAM aliased at 0x3f000000
/// (16 buses), the MMIO window aliased at [0x10000000, 0x3eff0000) and the I/O window at 0x3eff0000; its four
/// INTx outputs are recorded as levels.
/// </summary>
internal sealed class PciTestMachine
{
    public const ulong EcamBase = 0x3f00_0000;
    public const ulong MmioBase = 0x1000_0000;
    public const ulong IoBase = 0x3eff_0000;

    public PciTestMachine()
    {
        Tree = new QdevTree(DeviceTypeRegistry.Create(HwModule.Register, r => r.Register(TestEndpoint.TypeInfo)));
        SystemMemory = MemoryRegion.CreateContainer("system", ulong.MaxValue);
        Space = new AddressSpace(Memory, "memory", SystemMemory);
        Tree.AddService(Memory);
        Host = Tree.Create<GpexHost>(GpexHost.TypeName);
        Host.Realize();
        Host.CreateRootFunction(Tree);
        SystemMemory.AddSubregion(EcamBase, MemoryRegion.CreateAlias("pcie-ecam", Host.Ecam.Region, 0, 0x100_0000, Host));
        var mmioWindow = Host.Mmio[1].Region!;
        SystemMemory.AddSubregion(MmioBase, MemoryRegion.CreateAlias("pcie-mmio", mmioWindow, MmioBase, IoBase - MmioBase, Host));
        Host.MapMmio(2, new GuestAddress(IoBase), SystemMemory);
        SystemMemory.AddSubregion(0x4000_0000, MemoryRegion.CreateRam("ram", 0x10_0000));
        for (var i = 0; i < GpexHost.NumIrqs; i++)
        {
            var line = i;
            Host.ConnectIrq(i, new Core.Irq.IrqLine($"spi{3 + i}", level => Irq[line] = level));
        }
    }

    public MemorySystem Memory { get; } = new();

    public MemoryRegion SystemMemory { get; }

    public AddressSpace Space { get; }

    public QdevTree Tree { get; }

    public GpexHost Host { get; }

    public PciBus RootBus => Host.RootBus!;

    public bool[] Irq { get; } = new bool[GpexHost.NumIrqs];

    /// <summary>-device TYPE,prop=value…</summary>
    public T Add<T>(string type, params (string Key, string Value)[] options)
        where T : Device
    {
        var list = new List<KeyValuePair<string, string>> { new("driver", type) };
        list.AddRange(options.Select(o => new KeyValuePair<string, string>(o.Key, o.Value)));
        var device = (T)Tree.AddDevice(list);
        device.Reset();
        return device;
    }

    public static ulong Ecam(int bus, int slot, int fn, int reg) => EcamBase + ((ulong)bus << 20) + ((ulong)slot << 15) + ((ulong)fn << 12) + (ulong)reg;

    /// <summary>A qtest-style read (address_space_read: the buffer path, split like QEMU's memory_access_size).</summary>
    public ulong Read(ulong address, uint size = 4)
    {
        Span<byte> buffer = stackalloc byte[8];
        buffer.Clear();
        Space.ReadBuffer(new GuestAddress(address), buffer[..(int)size], MemTxAttrs.UnspecifiedAttrs);
        return BitConverter.ToUInt64(buffer);
    }

    /// <summary>A qtest-style write (address_space_write).</summary>
    public void Write(ulong address, ulong value, uint size = 4)
    {
        Span<byte> buffer = stackalloc byte[8];
        BitConverter.TryWriteBytes(buffer, value);
        Space.WriteBuffer(new GuestAddress(address), buffer[..(int)size], MemTxAttrs.UnspecifiedAttrs);
    }

    public uint ReadL(ulong address) => (uint)Read(address);

    public void WriteL(ulong address, uint value) => Write(address, value);

    public void WriteW(ulong address, ushort value) => Write(address, value, 2);
}
