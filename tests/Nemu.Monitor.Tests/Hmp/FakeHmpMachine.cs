using Nemu.Monitor.Hmp;

namespace Nemu.Monitor.Tests.Hmp;

/// <summary>
/// A stand-in machine with the readable layout of mps2-an385 that the recorded transcripts touch:
/// everything below 0x44000000 reads (RAM or RAZ devices), the rest is unmapped; three words poked at
/// 0x20000000 as the recording did with <c>-device loader,data=...</c>.
/// </summary>
internal sealed class FakeHmpMachine : IHmpMachine
{
    private readonly byte[] _ram = new byte[0x400000];

    public FakeHmpMachine()
    {
        BitConverter.TryWriteBytes(_ram.AsSpan(0), 0x8899aabbu);
        BitConverter.TryWriteBytes(_ram.AsSpan(4), 0x41424344u);
        BitConverter.TryWriteBytes(_ram.AsSpan(8), 0xfffffff0u);
    }

    public string StatusText { get; private set; } = "paused (prelaunch)";

    public int TargetBits => 32;

    public bool HasCpu { get; init; } = true;

    public IRegisterReader? Registers => null;

    public List<string> Calls { get; } = [];

    /// <summary>The register dumps of the CPUs (empty: no CPU).</summary>
    public List<string> CpuDumps { get; init; } = [];

    public int CpuCount => CpuDumps.Count;

    public IReadOnlyList<(string Label, string Filename)> Chardevs { get; init; } = [];

    public string CpuState(int index) => CpuDumps[index];

    public long CpuThreadId(int index) => 1000 + index;

    public void Stop() => Calls.Add("stop");

    public void Cont()
    {
        Calls.Add("cont");
        StatusText = "running";
    }

    public void SystemReset() => Calls.Add("system_reset");

    public void Quit() => Calls.Add("quit");

    public string MemoryTree(bool flat, bool dispatchTree, bool owner, bool disabled) => $"mtree f={flat} d={dispatchTree} o={owner} D={disabled}\n";

    public string DeviceTree() => "qtree\n";

    public string PciInfo() => "  Bus  0, device   0, function 0:\n";

    public bool ReadPhysical(ulong address, Span<byte> buffer)
    {
        if (address + (ulong)buffer.Length > 0x44000000UL || address + (ulong)buffer.Length < address)
        {
            return false;
        }

        buffer.Clear();
        for (var i = 0; i < buffer.Length; i++)
        {
            var a = address + (ulong)i;
            if (a is >= 0x20000000 and < 0x20400000)
            {
                buffer[i] = _ram[a - 0x20000000];
            }
        }

        return true;
    }

    public bool ReadVirtual(ulong address, Span<byte> buffer) => address <= uint.MaxValue && ReadPhysical(address, buffer);

    /// <summary>What <see cref="StartGdbServer"/> answers (null: started).</summary>
    public string? GdbServerError { get; set; }

    /// <summary>The devices gdbserver was asked to use, in order.</summary>
    public List<string> GdbServerDevices { get; } = [];

    /// <summary>The CPUs <see cref="ReadCpuMemory"/> was called for, in order.</summary>
    public List<int> CpuReads { get; } = [];

    public string? StartGdbServer(string device)
    {
        GdbServerDevices.Add(device);
        return GdbServerError;
    }

    public bool ReadCpuMemory(int cpu, ulong address, Span<byte> buffer)
    {
        CpuReads.Add(cpu);
        return ReadVirtual(address, buffer);
    }

    /// <summary>Byte by byte: mapped bytes keep their value, unmapped ones read as zero.</summary>
    public void ReadPhysicalIgnoringErrors(ulong address, Span<byte> buffer)
    {
        for (var i = 0; i < buffer.Length; i++)
        {
            if (!ReadPhysical(address + (ulong)i, buffer.Slice(i, 1)))
            {
                buffer[i] = 0;
            }
        }
    }
}
