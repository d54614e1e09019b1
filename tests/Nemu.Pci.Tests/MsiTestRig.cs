// Test rig for Msi/Msix: a bare PCI function whose bus-master address space holds a message sink (an I/O region
// recording every write, like a GICv2m frame), and a CPU address space the MSI-X BAR is mapped into so table and
// PBA accesses go through Nemu.Memory's real dispatch.
using Nemu.Core;
using Nemu.Memory;

namespace Nemu.Pci.Tests;

/// <summary>A PCI function with no behaviour of its own.</summary>
internal sealed class TestFunction(bool express = false) : PciDevice(express)
{
}

/// <summary>One message-signalled write seen by the sink.</summary>
internal readonly record struct SunkMessage(ulong Address, uint Data, uint Size);

/// <summary>The function, its bus-master space with a recording sink at <see cref="SinkBase"/>, and a CPU space.</summary>
internal sealed class MsiTestRig
{
    public const ulong SinkBase = 0x0802_0000;
    public const ulong SinkSize = 0x1000;
    public const ulong BarBase = 0x1000_0000;

    /// <summary>GICv2m's MSI_SETSPI_NS doorbell in the sink frame.</summary>
    public const ulong Doorbell = SinkBase + 0x40;

    public MsiTestRig(bool express = false)
    {
        Device = new TestFunction(express);
        System = new MemorySystem();
        var dmaRoot = MemoryRegion.CreateContainer("test-dma", (UInt128)1 << 64);
        dmaRoot.AddSubregion(SinkBase, MemoryRegion.CreateIo("msi-sink", SinkSize, Sink));
        Device.BusMasterAddressSpace = new AddressSpace(System, "test-function", dmaRoot);
        CpuRoot = MemoryRegion.CreateContainer("system", (UInt128)1 << 64);
        Cpu = new AddressSpace(System, "cpu", CpuRoot);
        EnableBusMaster(true);
    }

    public TestFunction Device { get; }

    public MemorySystem System { get; }

    public MessageSink Sink { get; } = new();

    public IReadOnlyList<SunkMessage> Messages => Sink.Messages;

    public MemoryRegion CpuRoot { get; }

    public AddressSpace Cpu { get; }

    public void EnableBusMaster(bool on)
    {
        var command = Device.GetWord(PciConfig.Command);
        Device.SetWord(PciConfig.Command, on ? (ushort)(command | PciConfig.CommandMaster) : (ushort)(command & ~PciConfig.CommandMaster));
    }

    /// <summary>Maps the MSI-X BAR (or any region) into the CPU space at <see cref="BarBase"/>.</summary>
    public void MapBar(MemoryRegion bar) => CpuRoot.AddSubregion(BarBase, bar);

    public uint ConfigRead(int address, int length) => Device.ConfigRead(address, length);

    public void ConfigWrite(int address, uint value, int length) => Device.ConfigWrite(address, value, length);

    public ulong Read(ulong address, uint size)
    {
        Cpu.Read(new GuestAddress(address), size, default, out var value);
        return value;
    }

    public MemTxResult Read(ulong address, uint size, out ulong value) => Cpu.Read(new GuestAddress(address), size, default, out value);

    public MemTxResult Write(ulong address, ulong value, uint size) => Cpu.Write(new GuestAddress(address), value, size, default);

    /// <summary>Reads the BAR at <paramref name="offset"/>.</summary>
    public ulong BarRead(ulong offset, uint size) => Read(BarBase + offset, size);

    public MemTxResult BarWrite(ulong offset, ulong value, uint size) => Write(BarBase + offset, value, size);
}

/// <summary>Records each write into its region as a message (address relative to the bus-master space).</summary>
internal sealed class MessageSink : IMemoryRegionOps
{
    private readonly List<SunkMessage> _messages = new(64);

    public IReadOnlyList<SunkMessage> Messages => _messages;

    public AccessConstraints Constraints => AccessConstraints.Default;

    public MemTxResult Read(ulong offset, uint size, MemTxAttrs attrs, out ulong value)
    {
        value = 0;
        return MemTxResult.Ok;
    }

    public MemTxResult Write(ulong offset, ulong value, uint size, MemTxAttrs attrs)
    {
        _messages.Add(new SunkMessage(MsiTestRig.SinkBase + offset, (uint)value, size));
        return MemTxResult.Ok;
    }

    public void Clear() => _messages.Clear();
}

/// <summary>An interrupt observer that logs each Enable transition and can refuse enables.</summary>
internal sealed class RecordingObserver : IPciInterruptObserver
{
    public List<string> Calls { get; } = [];

    public bool Refuse { get; set; }

    public bool MsiEnableChanged(PciDevice device, MsiKind kind, int vectors)
    {
        Calls.Add($"{kind} {vectors}");
        return vectors == 0 || !Refuse;
    }

    public void DeviceRemoved(PciDevice device) => Calls.Add("removed");
}

/// <summary>Logs every notifier call as text ("use 0 0x8020040/0x50", "release 0", "poll 0 1").</summary>
internal sealed class RecordingNotifier : IMsixVectorNotifier
{
    public List<string> Calls { get; } = [];

    public int RefuseVector { get; set; } = -1;

    public bool Use(int vector, MsiMessage message)
    {
        Calls.Add($"use {vector} 0x{message.Address:x}/0x{message.Data:x}");
        return vector != RefuseVector;
    }

    public void Release(int vector) => Calls.Add($"release {vector}");

    public void Poll(int start, int end) => Calls.Add($"poll {start} {end}");
}
