// A minimal machine for CPU tests: code RAM at 0 (1 MiB), data RAM at 0x20000000 (256 KiB), an optional I/O
// probe region at 0x40000000 that records accesses, one CPU and its NVIC (no board, no Qdev).
using Nemu.Arm.Cpu;
using Nemu.Arm.Exceptions;
using Nemu.Core;
using Nemu.Core.Time;
using Nemu.Memory;

namespace Nemu.Arm.Tests.Support;

internal sealed class TestMachine
{
    public const uint CodeBase = 0, RamBase = 0x2000_0000, RamSize = 0x4_0000, StackTop = RamBase + RamSize;

    public TestMachine(string cpuModel = "cortex-m3", IInstructionCounter? counter = null, int numIrq = 32)
    {
        System = new MemorySystem();
        Root = MemoryRegion.CreateContainer("system", UInt128.One << 64);
        Code = MemoryRegion.CreateRam("code", 0x10_0000);
        Ram = MemoryRegion.CreateRam("ram", RamSize);
        Root.AddSubregion(CodeBase, Code);
        Root.AddSubregion(RamBase, Ram);
        Space = new AddressSpace(System, "cpu-memory-0", Root);
        Cpu = new ArmCpu(ArmCpuModels.Get(cpuModel), Space, counter);
        Nvic = new Nvic(Cpu, numIrq, Cpu.Model.DefaultPriorityBits);
    }

    public MemorySystem System { get; }

    public MemoryRegion Root { get; }

    public MemoryRegion Code { get; }

    public MemoryRegion Ram { get; }

    public AddressSpace Space { get; }

    public ArmCpu Cpu { get; }

    public Nvic Nvic { get; }

    /// <summary>
    /// Loads a program: a vector table (SP, reset = label "start", then the handlers named in
    /// <paramref name="handlers"/> by exception number, default "default_handler"), then the code. Resets the CPU.
    /// </summary>
    public void LoadProgram(string body, IReadOnlyDictionary<int, string>? handlers = null, string cpu = "cortex-m3")
    {
        LoadImage(Assembler.Assemble(ProgramSource(body, handlers), cpu));
        Cpu.TakeReset();
    }

    /// <summary>The assembler source of a program with its vector table (see <see cref="LoadProgram"/>).</summary>
    public static string ProgramSource(string body, IReadOnlyDictionary<int, string>? handlers = null)
    {
        var vectors = new System.Text.StringBuilder();
        vectors.AppendLine($".word 0x{StackTop:x}");
        vectors.AppendLine(".word start + 1");
        for (var e = 2; e < 48; e++)
        {
            var name = handlers is not null && handlers.TryGetValue(e, out var h) ? h : "default_handler";
            vectors.AppendLine($".word {name} + 1");
        }

        return vectors + "\n.thumb_func\ndefault_handler:\n b default_handler\n" + body;
    }

    public void LoadImage(byte[] image) => Space.WriteRomBlob(new GuestAddress(CodeBase), image);

    /// <summary>Runs until PC reaches the address of the "done" loop (a branch to itself) or the step limit.</summary>
    public void RunUntilStuck(int maxSteps = 100_000)
    {
        for (var i = 0; i < maxSteps; i++)
        {
            var pc = Cpu.Pc;
            Cpu.RunSlice(1);
            if (Cpu.Pc == pc && Cpu.State == ArmCpuRunState.Running && ReadHalf(pc) == 0xE7FE)
            {
                return;
            }

            if (Cpu.State != ArmCpuRunState.Running)
            {
                return;
            }
        }

        throw new InvalidOperationException($"program did not stop; pc=0x{Cpu.Pc:x}");
    }

    public uint Read32(uint address)
    {
        Space.Read(new GuestAddress(address), 4, default, out var v);
        return (uint)v;
    }

    public void Write32(uint address, uint value) => Space.Write(new GuestAddress(address), value, 4, default);

    public ushort ReadHalf(uint address)
    {
        Space.Read(new GuestAddress(address), 2, default, out var v);
        return (ushort)v;
    }

    public uint R(int n) => Cpu.GetRegister(n);
}
