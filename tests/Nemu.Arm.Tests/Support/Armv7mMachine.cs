// A machine built the way a board builds one: system memory ("system" in the "memory" address space) with RAM at 0
// and 0x20000000, an armv7m container device from the qdev tree, and a main loop running the CPU.
using Nemu.Arm.Devices;
using Nemu.Core;
using Nemu.Core.Threading;
using Nemu.Core.Time;
using Nemu.Memory;
using Nemu.Qdev;

namespace Nemu.Arm.Tests.Support;

internal sealed class Armv7mMachine : IDisposable
{
    public Armv7mMachine(string cpu = "cortex-m3", MachineTime? time = null, uint cpuClockHz = 25_000_000, uint refClockHz = 1_000_000, bool bitband = true, bool startPoweredOff = false)
    {
        System = new MemorySystem();
        SystemMemory = MemoryRegion.CreateContainer("system", UInt128.One << 64);
        Memory = new AddressSpace(System, "memory", SystemMemory);
        SystemMemory.AddSubregion(0, MemoryRegion.CreateRam("flash", 0x40_0000));
        SystemMemory.AddSubregion(0x2000_0000, MemoryRegion.CreateRam("sram", 0x40_0000));
        Time = time ?? MachineTime.CreateIcount(0);
        Tree = new QdevTree(DeviceTypeRegistry.Create(ArmModule.Register));
        Armv7m = Tree.Create<Armv7m>(Nemu.Arm.Devices.Armv7m.TypeName);
        Armv7m.SetProperty("cpu-type", cpu);
        Armv7m.SetProperty("num-irq", "32");
        Armv7m.SetProperty("enable-bitband", bitband ? "on" : "off");
        Armv7m.SetProperty("start-powered-off", startPoweredOff ? "on" : "off");
        Armv7m.Configure(System, SystemMemory, Time, cpuClockHz, refClockHz);
        Armv7m.Realize();
        Loop = new MainLoop(Time) { CpuRunner = Armv7m.Cpu };
    }

    public MemorySystem System { get; }

    public MemoryRegion SystemMemory { get; }

    public AddressSpace Memory { get; }

    public MachineTime Time { get; }

    public QdevTree Tree { get; }

    public Armv7m Armv7m { get; }

    public MainLoop Loop { get; }

    public Nemu.Arm.Cpu.ArmCpu Cpu => Armv7m.Cpu!;

    public void Load(byte[] image, uint address = 0) => Memory.WriteRomBlob(new GuestAddress(address), image);

    public void Start()
    {
        Armv7m.Reset();
        Time.Start();
    }

    /// <summary>A privileged word read as the CPU sees memory (cpu-memory-0).</summary>
    public uint Read32(uint address)
    {
        Armv7m.CpuAddressSpace!.Read(new GuestAddress(address), 4, default, out var v);
        return (uint)v;
    }

    /// <summary>A privileged write as the CPU sees memory.</summary>
    public void Write(uint address, uint value, uint size = 4) => Armv7m.CpuAddressSpace!.Write(new GuestAddress(address), value, size, default);

    public void Dispose() => Loop.Dispose();
}
