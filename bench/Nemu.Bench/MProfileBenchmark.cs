// Guest MIPS of Nemu against qemu-system-arm on the same M-profile workload (tests/firmware/compute on
// mps2-an385, cortex-m3). Method, printed with the figures:
// - Workload: compute.c is compiled with ITERATIONS=WorkIterations by tests/firmware/build.sh itself, run on a
//   copy of tests/firmware in a temporary folder with a CC wrapper adding -DITERATIONS (the 20-iteration image
//   runs for a few milliseconds, below process start-up noise; tests/firmware and its out/ are not touched).
// - Time: wall time of each emulator (QEMU command line, -serial null) minus its start-up time, measured the same
//   way with the hello image; best of Repeats runs each.
// - Instruction count: exact, by QEMU 7.2 with -singlestep -d exec,nochain (one "Trace" line per executed
//   instruction), on the 20-iteration image and on a 40-iteration build; the count for WorkIterations is
//   extrapolated linearly (the per-iteration work is fixed-size; only data-dependent branches vary).
// Not modelled: host noise from other processes (the best of several runs is taken).
using System.Diagnostics;
using System.Globalization;

namespace Nemu.Bench;

/// <summary>Runs the compute firmware on Nemu and QEMU and prints guest MIPS for both and their ratio.</summary>
public static class MProfileBenchmark
{
    private const int WorkIterations = 10000;
    private const int Repeats = 3;

    public static int Run(TextWriter output)
    {
        var root = BenchProcess.FindRepositoryRoot();
        var firmware = Path.Combine(root, "tests", "firmware");
        var official = Path.Combine(firmware, "out", "m3");
        if (!File.Exists(Path.Combine(official, "compute.elf")) || !File.Exists(Path.Combine(official, "hello.elf")))
        {
            BenchProcess.RunChecked("bash", [Path.Combine(firmware, "build.sh")]);
        }

        var nemuDll = BenchProcess.NemuDll;
        var scratch = Directory.CreateTempSubdirectory("nemu-mprofile-");
        try
        {
            var hello = Path.Combine(official, "hello.elf");
            var compute20 = Path.Combine(official, "compute.elf");
            var compute40 = BuildWithIterations(firmware, scratch.FullName, 40);
            var work = BuildWithIterations(firmware, scratch.FullName, WorkIterations);

            var count20 = CountInstructions(compute20);
            var count40 = CountInstructions(compute40);
            var perIteration = (count40 - count20) / 20.0;
            var instructions = count20 + (perIteration * (WorkIterations - 20));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"workload: compute ITERATIONS={WorkIterations} on mps2-an385; guest instructions {instructions:F0} (QEMU -singlestep -d exec,nochain: {count20} at 20 iterations, {count40} at 40, extrapolated)"));

            string[] Args(string elf, string serial) =>
                ["-M", "mps2-an385", "-display", "none", "-serial", serial, "-monitor", "none", "-semihosting", "-kernel", elf];

            // Same guest output on both emulators, so they ran the same work.
            var expected = $"compute: iterations={WorkIterations} checksum=";
            var qemuLine = BenchProcess.RunChecked("qemu-system-arm", Args(work, "stdio")).Trim();
            var nemuLine = BenchProcess.RunChecked("dotnet", [nemuDll, .. Args(work, "stdio")]).Trim();
            if (!qemuLine.StartsWith(expected, StringComparison.Ordinal) || qemuLine != nemuLine)
            {
                output.WriteLine($"guest output differs: qemu '{qemuLine}', nemu '{nemuLine}'");
                return 1;
            }

            output.WriteLine($"guest output (both): {qemuLine}");
            var qemuMips = Mips(output, "qemu", "qemu-system-arm", [], Args, hello, work, instructions);
            var nemuMips = Mips(output, "nemu", "dotnet", [nemuDll], Args, hello, work, instructions);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"qemu: {qemuMips:F1} MIPS"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"nemu: {nemuMips:F1} MIPS"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio nemu/qemu: {nemuMips / qemuMips:F3}"));
            return 0;
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private static double Mips(TextWriter output, string name, string program, string[] prefix,
        Func<string, string, string[]> args, string hello, string work, double instructions)
    {
        var startup = BenchProcess.BestSeconds(program, [.. prefix, .. args(hello, "null")], Repeats);
        var total = BenchProcess.BestSeconds(program, [.. prefix, .. args(work, "null")], Repeats);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: workload {total:F3} s, start-up (hello) {startup:F3} s, best of {Repeats}"));
        return instructions / (total - startup) / 1e6;
    }

    private static long CountInstructions(string elf)
    {
        var info = new ProcessStartInfo("qemu-system-arm")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in (string[])["-M", "mps2-an385", "-display", "none", "-serial", "null", "-monitor", "none",
            "-semihosting", "-singlestep", "-d", "exec,nochain", "-D", "/dev/stdout", "-kernel", elf])
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start qemu-system-arm");
        var stderr = process.StandardError.ReadToEndAsync();
        long count = 0;
        while (process.StandardOutput.ReadLine() is { } line)
        {
            if (line.StartsWith("Trace ", StringComparison.Ordinal))
            {
                count++;
            }
        }

        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"qemu-system-arm exited with {process.ExitCode}: {stderr.Result}");
        }

        return count;
    }

    // Runs the unmodified build.sh on a copy of tests/firmware with a CC wrapper that adds -DITERATIONS.
    private static string BuildWithIterations(string firmware, string scratch, int iterations)
    {
        var copy = Path.Combine(scratch, $"firmware-{iterations}");
        BenchProcess.RunChecked("cp", ["-r", firmware, copy]);
        Directory.Delete(Path.Combine(copy, "out"), recursive: true);
        var wrapper = Path.Combine(scratch, $"cc-{iterations}.sh");
        File.WriteAllText(wrapper, $"#!/bin/sh\nexec arm-none-eabi-gcc -DITERATIONS={iterations} \"$@\"\n");
        BenchProcess.RunChecked("chmod", ["+x", wrapper]);
        BenchProcess.RunChecked("bash", [Path.Combine(copy, "build.sh")], new() { ["CC"] = wrapper });
        return Path.Combine(copy, "out", "m3", "compute.elf");
    }
}
