// The command line both runners use (management.md §1, mprofile.md §6.1-6.2): board and CPU of the variant,
// -nographic (serial0 on stdio), -semihosting (SYS_WRITE0 output and SYS_EXIT_EXTENDED), -kernel ELF.
namespace Nemu.Boards.Tests.Differential;

/// <summary>Arguments for running a test image the QEMU way.</summary>
public static class QemuCommandLine
{
    public static IReadOnlyList<string> For(Variant variant, string elf) =>
        ["-M", variant.Board, "-cpu", variant.Cpu, "-nographic", "-semihosting", "-kernel", elf];
}
