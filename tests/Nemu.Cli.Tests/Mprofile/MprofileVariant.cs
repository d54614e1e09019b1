namespace Nemu.Cli.Tests.Mprofile;

/// <summary>
/// A CPU variant of the conformance firmware (tests/firmware/README.md "Variants"): gcc flags, linker script and
/// the QEMU board that runs it. m0 prints through semihosting (stderr on QEMU 7.2), the others through UART0.
/// </summary>
internal sealed record MprofileVariant(string Name, string Board, string Cpu, string LinkerScript, bool SemihostingConsole, string[] CFlags)
{
    public static readonly MprofileVariant M0 = new("m0", "microbit", "cortex-m0", "microbit.ld", true, ["-mcpu=cortex-m0", "-mfloat-abi=soft"]);
    public static readonly MprofileVariant M3 = new("m3", "mps2-an385", "cortex-m3", "mps2.ld", false, ["-mcpu=cortex-m3", "-mfloat-abi=soft"]);
    public static readonly MprofileVariant M4 = new("m4", "mps2-an386", "cortex-m4", "mps2.ld", false, ["-mcpu=cortex-m4", "-mfloat-abi=hard", "-mfpu=fpv4-sp-d16"]);
    public static readonly MprofileVariant M7 = new("m7", "mps2-an500", "cortex-m7", "mps2.ld", false, ["-mcpu=cortex-m7", "-mfloat-abi=hard", "-mfpu=fpv5-d16"]);

    /// <summary>Looks a variant up by name (for [InlineData("m3")]).</summary>
    public static MprofileVariant Named(string name) => name switch
    {
        "m0" => M0,
        "m3" => M3,
        "m4" => M4,
        "m7" => M7,
        _ => throw new ArgumentException("unknown variant " + name, nameof(name)),
    };

    public override string ToString() => Name;
}
