// Nemu as the emulator under test: `dotnet <dir>/nemu-system-arm.dll` with QEMU's arguments. The dll is
// looked up next to the tests (once the test project references src/Nemu.Cli) or at NEMU_SYSTEM_ARM_DLL.
namespace Nemu.Boards.Tests.Differential;

/// <summary>Runs images on Nemu's nemu-system-arm.</summary>
public sealed class NemuRunner(string? dll = null) : IEmulatorRunner
{
    public string Name => "nemu-system-arm";

    public string Dll { get; } = dll
        ?? Environment.GetEnvironmentVariable("NEMU_SYSTEM_ARM_DLL")
        ?? Path.Combine(AppContext.BaseDirectory, "nemu-system-arm.dll");

    public ProcessResult Run(Variant variant, string elf, TimeSpan timeout)
    {
        if (!File.Exists(Dll))
        {
            throw new InvalidOperationException($"{Dll} not found: reference src/Nemu.Cli from the test project or set NEMU_SYSTEM_ARM_DLL");
        }

        return ProcessRun.Run("dotnet", [Dll, .. QemuCommandLine.For(variant, elf)], timeout);
    }
}
