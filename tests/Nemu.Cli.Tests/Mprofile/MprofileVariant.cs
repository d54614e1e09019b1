namespace Nemu.Cli.Tests.Mprofile;

/// <summary>
/// A CPU variant of the conformance firmware (tests/firmware/README.md "Variants"): gcc flags, linker script
/// (relative to tests/firmware/common) and the QEMU board that runs it. m0 prints through semihosting (stderr on
/// QEMU 7.2), the others through UART0. The m33 variants are Secure images with the Security Extension kit of
/// tests/firmware/mprofile/tz (<see cref="TrustZone"/>).
/// </summary>
internal sealed record MprofileVariant(string Name, string Board, string Cpu, string LinkerScript, bool SemihostingConsole, string[] CFlags)
{
    public static readonly MprofileVariant M0 = new("m0", "microbit", "cortex-m0", "microbit.ld", true, ["-mcpu=cortex-m0", "-mfloat-abi=soft"]);
    public static readonly MprofileVariant M3 = new("m3", "mps2-an385", "cortex-m3", "mps2.ld", false, ["-mcpu=cortex-m3", "-mfloat-abi=soft"]);
    public static readonly MprofileVariant M4 = new("m4", "mps2-an386", "cortex-m4", "mps2.ld", false, ["-mcpu=cortex-m4", "-mfloat-abi=hard", "-mfpu=fpv4-sp-d16"]);
    public static readonly MprofileVariant M7 = new("m7", "mps2-an500", "cortex-m7", "mps2.ld", false, ["-mcpu=cortex-m7", "-mfloat-abi=hard", "-mfpu=fpv5-d16"]);

    /// <summary>
    /// Cortex-M33 (FPv5-SP, DSP) on mps2-an505, Secure image: code at 0x10000000, data at 0x38000000, UART0 through its
    /// Secure alias 0x50200000 (the PPC lets Secure accesses through at reset).
    /// </summary>
    public static readonly MprofileVariant M33 = new("m33", "mps2-an505", "cortex-m33", SecureLinkerScript, false,
        ["-mcpu=cortex-m33", "-mfloat-abi=hard", "-mfpu=fpv5-sp-d16", "-mcmse", SecureConsole])
    {
        TrustZone = true,
    };

    /// <summary>CPU0 of mps2-an521: a Cortex-M33 without FPU and DSP (QEMU's vfp=off, dsp=off), so soft-float.</summary>
    public static readonly MprofileVariant M33Core0 = new("m33core0", "mps2-an521", "cortex-m33", SecureLinkerScript, false,
        ["-mcpu=cortex-m33+nofp+nodsp", "-mfloat-abi=soft", "-mcmse", SecureConsole])
    {
        TrustZone = true,
    };

    private const string SecureLinkerScript = "../mprofile/tz/an505_s.ld";
    private const string SecureConsole = "-DCONSOLE_UART_BASE=0x50200000u";

    /// <summary>A Secure image with the TrustZone kit: tz/tz.c linked in, -I tz, and the SG veneer import library written.</summary>
    public bool TrustZone { get; init; }

    /// <summary>Looks a variant up by name (for [InlineData("m3")]).</summary>
    public static MprofileVariant Named(string name) => name switch
    {
        "m0" => M0,
        "m3" => M3,
        "m4" => M4,
        "m7" => M7,
        "m33" => M33,
        "m33core0" => M33Core0,
        _ => throw new ArgumentException("unknown variant " + name, nameof(name)),
    };

    public override string ToString() => Name;
}
