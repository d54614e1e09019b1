// Cost per access of the CPU load/store path of Nemu.Memory (pci.md §1.4): RAM through the AddressSpace and
// MMIO dispatch through a FlatView with many regions, so the lookup (last-hit cache, then binary search) matters;
// and RAM behind an IOMMU region (a TZ-MPC-like pass-through): the translated slow path and SoftTlb hits.
using System.Diagnostics;
using Nemu.Core;
using Nemu.Memory;

namespace Nemu.Bench;

/// <summary>Prints ns per access for RAM and MMIO reads and writes.</summary>
public static class MemoryBenchmark
{
    private const int Iterations = 4_000_000;

    public static void Run(TextWriter output)
    {
        var root = MemoryRegion.CreateContainer("system", ulong.MaxValue);
        root.AddSubregion(0x2000_0000, MemoryRegion.CreateRam("ram", 0x10_0000));
        for (ulong i = 0; i < 256; i++)
        {
            root.AddSubregion(0x4000_0000 + (i * 0x1000), MemoryRegion.CreateIo("dev" + i, 0x1000, Ops.Instance, new object()));
        }

        var space = new AddressSpace(new MemorySystem(), "memory", root);
        Report(output, "ram-read", () => RamRead(space));
        Report(output, "ram-write", () => RamWrite(space));
        Report(output, "mmio-read-same-device", () => MmioRead(space, 0xFFC));
        Report(output, "mmio-read-scattered", () => MmioRead(space, 0xFF_FFFC));
        Report(output, "mmio-write-scattered", () => MmioWrite(space));

        var system = new MemorySystem();
        var down = new AddressSpace(system, "downstream", MemoryRegion.CreateRam("ssram", 0x10_0000));
        var mpcRoot = MemoryRegion.CreateContainer("system", ulong.MaxValue);
        mpcRoot.AddSubregion(0x2000_0000, MemoryRegion.CreateIommu("tz-mpc-upstream", 0x10_0000, new PassThrough(down)));
        var cpu = new AddressSpace(system, "cpu", mpcRoot);
        using var tlb = new SoftTlb(cpu);
        Report(output, "iommu-ram-read-slow", () => RamRead(cpu));
        Report(output, "iommu-ram-read-tlb", () => TlbRead(tlb));
    }

    private static void Report(TextWriter output, string name, Func<ulong> body)
    {
        _ = body();
        _ = body();
        var sw = Stopwatch.StartNew();
        var sink = body();
        sw.Stop();
        var ns = sw.Elapsed.TotalNanoseconds / Iterations;
        output.WriteLine($"{name}: {ns:F2} ns/access (checksum {sink & 0xFF})");
    }

    private static ulong RamRead(AddressSpace space)
    {
        ulong sum = 0;
        for (ulong i = 0; i < Iterations; i++)
        {
            space.Read(new GuestAddress(0x2000_0000 + ((i * 4) & 0xF_FFFC)), 4, default, out var v);
            sum += v;
        }

        return sum;
    }

    private static ulong RamWrite(AddressSpace space)
    {
        for (ulong i = 0; i < Iterations; i++)
        {
            space.Write(new GuestAddress(0x2000_0000 + ((i * 4) & 0xF_FFFC)), i, 4, default);
        }

        return 0;
    }

    private static ulong MmioRead(AddressSpace space, ulong mask)
    {
        ulong sum = 0;
        for (ulong i = 0; i < Iterations; i++)
        {
            // 0x1004 steps move to the next device on every access when the mask allows it.
            space.Read(new GuestAddress(0x4000_0000 + ((i * 0x1004) & mask)), 4, default, out var v);
            sum += v;
        }

        return sum;
    }

    private static ulong MmioWrite(AddressSpace space)
    {
        for (ulong i = 0; i < Iterations; i++)
        {
            space.Write(new GuestAddress(0x4000_0000 + ((i * 0x1004) & 0xF_FFFC)), i, 4, default);
        }

        return 0;
    }

    private static ulong TlbRead(SoftTlb tlb)
    {
        ulong sum = 0;
        for (ulong i = 0; i < Iterations; i++)
        {
            var a = 0x2000_0000 + ((i * 4) & 0xF_FFFC);
            if (!tlb.TryRead(a, 4, out var v))
            {
                tlb.Fill(a, write: false, default, allowRead: true, allowWrite: true);
                tlb.TryRead(a, 4, out v);
            }

            sum += v;
        }

        return sum;
    }

    // Every 1 KiB block to the same offset of the downstream RAM, read/write (an MPC with all blocks allowed).
    private sealed class PassThrough(AddressSpace target) : IIommuOps
    {
        public int NumIndexes => 1;

        public int AttrsToIndex(MemTxAttrs attrs) => 0;

        public IommuTlbEntry Translate(ulong offset, IommuAccess access, int iommuIndex) =>
            new(target, offset & ~0x3FFUL, offset & ~0x3FFUL, 0x3FF, IommuAccess.ReadWrite);
    }

    private sealed class Ops : IMemoryRegionOps
    {
        public static Ops Instance { get; } = new();

        public AccessConstraints Constraints { get; } = AccessConstraints.Default;

        public MemTxResult Read(ulong offset, uint size, MemTxAttrs attrs, out ulong value)
        {
            value = offset;
            return MemTxResult.Ok;
        }

        public MemTxResult Write(ulong offset, ulong value, uint size, MemTxAttrs attrs) => MemTxResult.Ok;
    }
}
