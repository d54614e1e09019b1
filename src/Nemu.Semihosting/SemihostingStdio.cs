// The host process's standard streams as semihosting sees them: the console without chardev= writes to stderr
// (QEMU's qemu_semihosting_console_write: fwrite to stderr) and ":tt" opens map to host fds 0/1/2
// (management.md §7.2: with -serial none, WRITE0/WRITEC appeared on stderr and SYS_WRITE to :tt on stdout).
// Tests substitute memory streams. Not modelled: lseek/fstat on a redirected host stdio fd (see ArmSemihosting).
namespace Nemu.Semihosting;

/// <summary>Host stdin/stdout/stderr for the semihosting console and the <c>:tt</c> handles, with their isatty answers.</summary>
public sealed record SemihostingStdio(Stream Input, Stream Output, Stream Error, bool InputIsTty, bool OutputIsTty, bool ErrorIsTty)
{
    /// <summary>The process's own unbuffered standard streams.</summary>
    public static SemihostingStdio Process() => new(
        Console.OpenStandardInput(),
        Console.OpenStandardOutput(),
        Console.OpenStandardError(),
        !Console.IsInputRedirected,
        !Console.IsOutputRedirected,
        !Console.IsErrorRedirected);

    /// <summary>The stream behind host fd <paramref name="fd"/> (0, 1 or 2).</summary>
    public Stream ForFd(int fd) => fd switch { 0 => Input, 1 => Output, _ => Error };

    /// <summary>isatty() of host fd <paramref name="fd"/> (0, 1 or 2).</summary>
    public bool IsTty(int fd) => fd switch { 0 => InputIsTty, 1 => OutputIsTty, _ => ErrorIsTty };
}
