// Exception entry+return throughput of Nemu against qemu-system-arm (issues 4 and 5): host nanoseconds per
// exception for a PendSV storm and an SVC storm on mps2-an385 (Cortex-M3) and on mps2-an505 (Cortex-M33, a Secure
// image running from the SSRAM behind the TrustZone MPC) (tests/firmware/bench/exceptions.c). Method, printed with
// the figures:
// - Each storm image runs its loop N times; a baseline image runs the same loop without the exception (ICSR
//   written with 0 instead of PENDSVSET; NOP instead of SVC). Per emulator, with N1 < N2:
//   ns per exception = ((storm(N2) - storm(N1)) - (loop(N2) - loop(N1))) / (N2 - N1),
//   which removes start-up, image loading and the loop's own cost. Times are wall time, best of Repeats runs.
// - N2 is calibrated per emulator and storm so the difference lasts at least about TargetSeconds (a fast
//   emulator needs many more exceptions than a slow one for the difference to stand out of process noise).
// - Before timing, an image with counting handlers (N = 1000) must report every exception taken on both emulators.
// Not modelled: host noise from other processes (only the best run counts).
using System.Globalization;

namespace Nemu.Bench;

/// <summary>Runs the PendSV and SVC storms on Nemu and QEMU and prints ns per exception entry+return and the ratio.</summary>
public static class ExceptionBenchmark
{
    private const int Repeats = 3;
    private const long SmallN = 100_000;
    private const long CalibrationN = 1_100_000;
    private const long MaxN = 200_000_000;
    private const double TargetSeconds = 2.0;

    private static readonly string[] QemuPrefix = [];

    private sealed record Storm(string Name, int Exception, int Baseline, string What);

    /// <summary>A board the storms run on: machine, CPU, and how the image is built for it.</summary>
    private sealed record Board(string Machine, string Cpu, string[] CFlags, string LinkerScript);

    private static readonly Board[] Boards =
    [
        new("mps2-an385", "cortex-m3", ["-mcpu=cortex-m3", "-mfloat-abi=soft"], "mps2.ld"),
        new("mps2-an505", "cortex-m33", ["-mcpu=cortex-m33", "-mfloat-abi=soft", "-DCONSOLE_UART_BASE=0x50200000u"], "../mprofile/tz/an505_s.ld"),
    ];

    private static readonly Storm[] Storms =
    [
        new("pendsv", 1, 2, "ICSR.PENDSVSET + ISB, empty PendSV handler"),
        new("svc", 3, 4, "SVC #0, empty SVCall handler"),
    ];

    public static int Run(TextWriter output)
    {
        var root = BenchProcess.FindRepositoryRoot();
        var firmware = Path.Combine(root, "tests", "firmware");
        var scratch = Directory.CreateTempSubdirectory("nemu-exceptions-");
        try
        {
            foreach (var board in Boards)
            {
                if (RunBoard(output, new Images(firmware, scratch.FullName, board), board) != 0)
                {
                    return 1;
                }
            }

            return 0;
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private static int RunBoard(TextWriter output, Images images, Board board)
    {
        string[] nemuPrefix = [BenchProcess.NemuDll];
        foreach (var storm in Storms)
        {
            var check = images.Get(storm.Exception, 1000, countCheck: true);
            var expected = storm.Name == "pendsv" ? "pendsv=1000 svc=0" : "pendsv=0 svc=1000";
            var qemuLine = BenchProcess.RunChecked("qemu-system-arm", Arguments(board, check, "stdio")).Trim();
            var nemuLine = BenchProcess.RunChecked("dotnet", [.. nemuPrefix, .. Arguments(board, check, "stdio")]).Trim();
            if (!qemuLine.EndsWith(expected, StringComparison.Ordinal) || qemuLine != nemuLine)
            {
                output.WriteLine($"{board.Machine} {storm.Name} check: expected '... {expected}', qemu '{qemuLine}', nemu '{nemuLine}'");
                return 1;
            }
        }

        output.WriteLine($"{board.Machine} check (N=1000, counting handlers): qemu and nemu take every PendSV and SVC");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"method: {board.Machine} ({board.Cpu}); ns per exception entry+return = ((storm(N2) - storm(N1)) - (loop(N2) - loop(N1))) / (N2 - N1), N1 = {SmallN}, N2 calibrated to >= {TargetSeconds:F0} s of exceptions, wall time best of {Repeats}"));
        foreach (var storm in Storms)
        {
            output.WriteLine($"{board.Machine} {storm.Name}: {storm.What}");
            var qemu = NsPerException(output, images, board, storm, "qemu", "qemu-system-arm", QemuPrefix);
            var nemu = NsPerException(output, images, board, storm, "nemu", "dotnet", nemuPrefix);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{board.Machine} {storm.Name}: qemu {qemu:F0} ns, nemu {nemu:F0} ns per exception; ratio qemu/nemu {qemu / nemu:F2} (aim >= 10)"));
        }

        return 0;
    }

    private static double NsPerException(TextWriter output, Images images, Board board, Storm storm, string name, string program, string[] prefix)
    {
        double Time(int kind, long n, int repeats) =>
            BenchProcess.BestSeconds(program, [.. prefix, .. Arguments(board, images.Get(kind, n, countCheck: false), "null")], repeats);

        // One rough run at CalibrationN sets N2 so the exceptions alone take about TargetSeconds.
        var rough = Time(storm.Exception, CalibrationN, 1) - Time(storm.Exception, SmallN, 1);
        var perException = Math.Max(rough, 1e-3) / (CalibrationN - SmallN);
        var large = Math.Clamp(SmallN + (long)(TargetSeconds / perException), CalibrationN, MaxN);

        var stormSmall = Time(storm.Exception, SmallN, Repeats);
        var stormLarge = Time(storm.Exception, large, Repeats);
        var loopSmall = Time(storm.Baseline, SmallN, Repeats);
        var loopLarge = Time(storm.Baseline, large, Repeats);
        var ns = ((stormLarge - stormSmall) - (loopLarge - loopSmall)) / (large - SmallN) * 1e9;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {name}: N2={large} storm {stormSmall:F3}/{stormLarge:F3} s, loop {loopSmall:F3}/{loopLarge:F3} s -> {ns:F1} ns per exception"));
        return ns;
    }

    private static string[] Arguments(Board board, string elf, string serial) =>
        ["-M", board.Machine, "-cpu", board.Cpu, "-display", "none", "-serial", serial, "-monitor", "none", "-semihosting", "-kernel", elf];

    /// <summary>Storm images built on demand with arm-none-eabi-gcc, one per (loop, N, counting) combination.</summary>
    private sealed class Images(string firmware, string scratch, Board board)
    {
        private readonly Dictionary<string, string> _built = [];

        public string Get(int kind, long n, bool countCheck)
        {
            var name = $"{board.Machine}-storm{kind}-{n}{(countCheck ? "-count" : string.Empty)}.elf";
            if (_built.TryGetValue(name, out var path))
            {
                return path;
            }

            var common = Path.Combine(firmware, "common");
            var kit = Path.Combine(firmware, "mprofile");
            path = Path.Combine(scratch, name);
            string[] defines = countCheck ? ["-DCOUNT_CHECK"] : [];
            BenchProcess.RunChecked("arm-none-eabi-gcc",
            [
                .. board.CFlags, "-mthumb", "-DCONSOLE_UART_CMSDK", $"-DSTORM={kind}",
                string.Create(CultureInfo.InvariantCulture, $"-DSTORM_N={n}u"), .. defines, "-T" + Path.Combine(common, board.LinkerScript),
                "-O2", "-ffreestanding", "-fno-common", "-fno-tree-loop-distribute-patterns", "-Wall", "-Wextra", "-Werror",
                "-nostdlib", "-nostartfiles", "-I" + common, "-I" + kit, "-L" + common,
                Path.Combine(kit, "mp_start.S"), Path.Combine(common, "semihost.S"), Path.Combine(common, "console.c"),
                Path.Combine(common, "mem.c"), Path.Combine(kit, "mp.c"), Path.Combine(firmware, "bench", "exceptions.c"),
                "-lgcc", "-o", path,
            ]);
            _built[name] = path;
            return path;
        }
    }
}
