// MSI-X mask/unmask round trips and MSI delivery rate on the virt machine (issue 6 bench; pci.md §3-§4, seed 003),
// in-process: `-M virt,highmem=off -nodefaults -device edu,msix-vectors=1` built by Nemu's start-up sequence under
// the qtest accelerator, driven by loads and stores on the CPU address space (what a guest or qtest does, without
// a socket). edu BAR0 at 0x10000000, its MSI-X BAR1 at 0x10100000; GICv2m doorbell 0x08020040, INTID 80 made
// edge-triggered in GICD_ICFGR5 so each message pends it.
// - mask/unmask: write Vector Control = 1, read it back (the flushing read of seed 003), write 0, read back.
// - delivery: a trigger, then the guest's acknowledgement: read GICD_ISPENDR2 (checked) and clear with ICPENDR2.
//   Triggers: edu's raise register (0x60) with MSI or MSI-X (slow path: msix_notify/msi_notify, a 4-byte write of
//   the message through edu's bus-master address space into the GICv2m frame), and PciFastPath.Fire (the
//   route cached by the vector notifier's Use, ArmGicV2m.TryDeliver directly).
// - allocation: GC.GetAllocatedBytesForCurrentThread around each timed loop.
// - QEMU: the same mask/unmask and edu MSI workloads as qtest commands over a unix socket, on qemu-system-arm
//   (pcie-root-port's MSI-X table: QEMU's edu has no MSI-X) and on nemu-system-arm (same script), so that ratio
//   compares emulators with the protocol included (it dominates both). Rates are best of Repeats.
using System.Diagnostics;
using System.Globalization;
using Nemu.Cli;
using Nemu.Core;
using Nemu.Hw.Intc;
using Nemu.Hw.Pci;
using Nemu.Memory;
using Nemu.Options.CommandLine;
using Nemu.Pci;
using Nemu.System.Vl;

namespace Nemu.Bench;

/// <summary>Prints MSI-X mask/unmask round trips per second and MSI deliveries per second.</summary>
public static class PciBenchmark
{
    private const ulong EduConfig = 0x3f008000;
    private const ulong EduBar0 = 0x10000000;
    private const ulong MsixBar = 0x10100000;
    private const ulong VectorControl = MsixBar + 12;
    private const ulong Doorbell = 0x08020040;
    private const uint Intid = 80;
    private const ulong Icfgr5 = 0x08000c14;
    private const ulong Ispendr2 = 0x08000208;
    private const ulong Icpendr2 = 0x08000288;
    private const uint PendingBit = 1u << 16;
    private const int Repeats = 3;
    private const double TargetSeconds = 0.4;
    private const int QtestIterations = 20_000;

    private static readonly string[] Arguments = ["-M", "virt,highmem=off", "-nodefaults", "-device", "edu,msix-vectors=1"];

    public static int Run(TextWriter output)
    {
        var objects = new HostObjects();
        var context = new VlContext(Nemu.Cli.Program.ProgramName, Nemu.Cli.Program.CreateMachineRegistry(), CliExtensions.CreateDeviceRegistry(), output, Console.Error);
        using var machine = Vl.Build(CommandLineParser.Parse([.. Arguments, "-accel", "qtest", "-S"]), context, new CliExtensions(), objects);
        machine.Reset();
        var bus = machine.AddressSpaceMemory;
        var edu = machine.Qdev.Devices.OfType<Edu>().Single();
        var frame = machine.Qdev.Devices.OfType<ArmGicV2m>().Single();

        // Firmware-style set-up: BARs, Command (MEM | MASTER), INTID 80 edge, MSI-X entry 0 = (doorbell, 80) unmasked.
        W(bus, EduConfig + 0x10, (uint)EduBar0);
        W(bus, EduConfig + 0x14, (uint)MsixBar);
        W(bus, EduConfig + 0x04, 0x6, 2);
        W(bus, Icfgr5, 0x2);
        var msixCap = FindCapability(bus, 0x11);
        W(bus, MsixBar, (uint)Doorbell);
        W(bus, MsixBar + 4, 0);
        W(bus, MsixBar + 8, Intid);
        W(bus, VectorControl, 0);
        W(bus, EduConfig + (ulong)msixCap + 2, 0x8000, 2);

        output.WriteLine($"pci: in-process {string.Join(' ', Arguments)} (no socket); per message: trigger + GICD_ISPENDR2 read (checked) + GICD_ICPENDR2 write");
        Report(output, "msix mask/unmask round trips (write VC=1, read, write VC=0, read), no notifier", "round trips", n => MaskUnmask(bus, n));
        var ack = Report(output, "baseline: acknowledgement only (ISPENDR2 read + ICPENDR2 write, no message)", "iterations", n => Acknowledge(bus, n));
        var msixSlow = Report(output, "msi-x slow path: edu raise -> msix_notify -> bus-master AS write -> GICv2m -> GIC", "messages", n => Deliver(bus, n, () => W(bus, EduBar0 + 0x60, 1)));

        var fast = new PciFastPath(edu, frame, Doorbell, 1);
        if (!Msix.SetVectorNotifiers(edu, fast))
        {
            output.WriteLine("pci: the MSI-X core refused the fast-path notifiers");
            return 1;
        }

        Report(output, "msix mask/unmask round trips with the fast-path notifier (Release/Use per round trip)", "round trips", n => MaskUnmask(bus, n));
        var msixFast = Report(output, "msi-x fast path: cached route (notifier Use) -> ArmGicV2m.TryDeliver -> GIC", "messages", n => Deliver(bus, n, () => fast.Fire(0)));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  notifier calls: {fast.Uses} use, {fast.Releases} release"));
        Msix.UnsetVectorNotifiers(edu);

        // MSI: MSI-X off, the MSI capability (0x40, 64-bit) with the same message.
        W(bus, EduConfig + (ulong)msixCap + 2, 0, 2);
        W(bus, EduConfig + 0x44, (uint)Doorbell);
        W(bus, EduConfig + 0x48, 0);
        W(bus, EduConfig + 0x4c, Intid, 2);
        W(bus, EduConfig + 0x42, 0x1, 2);
        var msiRate = Report(output, "msi slow path: edu raise -> msi_notify -> bus-master AS write -> GICv2m -> GIC", "messages", n => Deliver(bus, n, () => W(bus, EduBar0 + 0x60, 1)));

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  per message without the acknowledgement: msi-x slow {Net(msixSlow, ack):F0} ns, msi-x fast {Net(msixFast, ack):F0} ns, msi slow {Net(msiRate, ack):F0} ns"));
        CompareWithQemu(output);
        objects.Dispose();
        return 0;
    }

    private static long MaskUnmask(AddressSpace bus, long n)
    {
        long wrong = 0;
        for (long i = 0; i < n; i++)
        {
            W(bus, VectorControl, 1);
            wrong += R(bus, VectorControl) == 1 ? 0 : 1;
            W(bus, VectorControl, 0);
            wrong += R(bus, VectorControl) == 0 ? 0 : 1;
        }

        return wrong;
    }

    private static double Net(double rate, double baseline) => (1e9 / rate) - (1e9 / baseline);

    private static long Acknowledge(AddressSpace bus, long n)
    {
        long pending = 0;
        for (long i = 0; i < n; i++)
        {
            pending += (R(bus, Ispendr2) & PendingBit) != 0 ? 1 : 0;
            W(bus, Icpendr2, PendingBit);
        }

        return pending;
    }

    private static long Deliver(AddressSpace bus, long n, Action trigger)
    {
        long missed = 0;
        for (long i = 0; i < n; i++)
        {
            trigger();
            missed += (R(bus, Ispendr2) & PendingBit) != 0 ? 0 : 1;
            W(bus, Icpendr2, PendingBit);
        }

        return missed;
    }

    /// <summary>Calibrates, times best of <see cref="Repeats"/>, prints rate, failures and bytes allocated; returns the rate.</summary>
    private static double Report(TextWriter output, string what, string unit, Func<long, long> loop)
    {
        if (loop(10_000) != 0)
        {
            output.WriteLine($"  {what}: FAILED (a check in the warm-up loop did not hold)");
            return 0;
        }

        // Warm-up: many short calls for half a second so the tiered JIT has promoted the loop and its callees.
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed.TotalSeconds < 0.5)
        {
            loop(10_000);
        }

        watch.Restart();
        loop(100_000);
        var n = Math.Max(100_000, (long)(100_000 * TargetSeconds / Math.Max(watch.Elapsed.TotalSeconds, 1e-6)));
        var best = double.MaxValue;
        long failures = 0;
        long allocated = 0;
        for (var r = 0; r < Repeats; r++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            watch.Restart();
            failures += loop(n);
            var seconds = watch.Elapsed.TotalSeconds;
            allocated = Math.Max(allocated, GC.GetAllocatedBytesForCurrentThread() - before);
            best = Math.Min(best, seconds);
        }

        var rate = n / best;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {what}: {rate / 1e6:F2} M {unit}/s ({best * 1e9 / n:F0} ns each, N={n}), {failures} failed checks, {allocated} bytes allocated in the loop"));
        return rate;
    }

    /// <summary>The same workloads as qtest commands on qemu-system-arm and nemu-system-arm (protocol-bound on both).</summary>
    private static void CompareWithQemu(TextWriter output)
    {
        output.WriteLine($"pci over qtest (unix socket, one round trip per access, {QtestIterations} iterations, best of {Repeats}): qemu-system-arm 7.2 vs nemu-system-arm");
        string[] rootPort = ["-M", "virt,highmem=off", "-nodefaults", "-device", "pcie-root-port,id=rp0,chassis=1,slot=0", "-device", "edu"];
        var qemuMask = QtestRate("qemu-system-arm", [], rootPort, MaskUnmaskOverQtest);
        var nemuMask = QtestRate("dotnet", [BenchProcess.NemuDll], rootPort, MaskUnmaskOverQtest);
        PrintRatio(output, "msix mask/unmask round trips (pcie-root-port 00:01.0 table; 4 commands each)", qemuMask, nemuMask);
        var qemuMsi = QtestRate("qemu-system-arm", [], rootPort, MsiOverQtest);
        var nemuMsi = QtestRate("dotnet", [BenchProcess.NemuDll], rootPort, MsiOverQtest);
        PrintRatio(output, "edu msi deliveries (00:02.0; raise + ISPENDR2 read + ICPENDR2 write: 3 commands each)", qemuMsi, nemuMsi);
    }

    private static void PrintRatio(TextWriter output, string what, double qemu, double nemu) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {what}: qemu {qemu / 1e3:F1} k/s, nemu {nemu / 1e3:F1} k/s, ratio nemu/qemu {nemu / qemu:F2}"));

    private static double QtestRate(string program, string[] prefix, string[] args, Func<PciQtestProcess, int, int> workload)
    {
        using var qts = new PciQtestProcess(program, [.. prefix, .. args]);
        if (workload(qts, 1000) != 0)
        {
            throw new InvalidOperationException($"{program}: the qtest workload's checks failed");
        }

        var best = double.MaxValue;
        for (var r = 0; r < Repeats; r++)
        {
            var watch = Stopwatch.StartNew();
            if (workload(qts, QtestIterations) != 0)
            {
                throw new InvalidOperationException($"{program}: the qtest workload's checks failed");
            }

            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }

        return QtestIterations / best;
    }

    /// <summary>Root port at 00:01.0: MSI-X BAR0 at 0x10000000 (table entry 0 Vector Control at +12).</summary>
    private static int MaskUnmaskOverQtest(PciQtestProcess qts, int n)
    {
        qts.Writel(0x3f008010, 0x10000000);
        qts.Writew(0x3f008004, 0x6);
        var wrong = 0;
        for (var i = 0; i < n; i++)
        {
            qts.Writel(0x1000000c, 1);
            wrong += qts.Readl(0x1000000c) == 1 ? 0 : 1;
            qts.Writel(0x1000000c, 0);
            wrong += qts.Readl(0x1000000c) == 0 ? 0 : 1;
        }

        return wrong;
    }

    /// <summary>edu at 00:02.0: BAR0 at 0x10100000, MSI (doorbell, INTID 80), INTID 80 edge.</summary>
    private static int MsiOverQtest(PciQtestProcess qts, int n)
    {
        qts.Writel(0x3f010010, 0x10100000);
        qts.Writew(0x3f010004, 0x6);
        qts.Writel(0x3f010044, (uint)Doorbell);
        qts.Writel(0x3f010048, 0);
        qts.Writew(0x3f01004c, (ushort)Intid);
        qts.Writew(0x3f010042, 0x1);
        qts.Writel(Icfgr5, 0x2);
        var missed = 0;
        for (var i = 0; i < n; i++)
        {
            qts.Writel(0x10100060, 1);
            missed += (qts.Readl(Ispendr2) & PendingBit) != 0 ? 0 : 1;
            qts.Writel(Icpendr2, PendingBit);
        }

        return missed;
    }

    private static int FindCapability(AddressSpace bus, byte id)
    {
        var offset = (int)(R(bus, EduConfig + 0x34) & 0xfc);
        for (var guard = 0; offset != 0 && guard < 48; guard++)
        {
            var header = R(bus, EduConfig + (ulong)offset);
            if ((header & 0xff) == id)
            {
                return offset;
            }

            offset = (int)((header >> 8) & 0xfc);
        }

        throw new InvalidOperationException($"edu has no capability 0x{id:x2}");
    }

    private static void W(AddressSpace bus, ulong address, uint value, uint size = 4) =>
        bus.Write(new GuestAddress(address), value, size, MemTxAttrs.UnspecifiedAttrs);

    private static uint R(AddressSpace bus, ulong address)
    {
        bus.Read(new GuestAddress(address), 4, MemTxAttrs.UnspecifiedAttrs, out var value);
        return (uint)value;
    }
}
