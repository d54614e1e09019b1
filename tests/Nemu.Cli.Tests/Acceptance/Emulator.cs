// Issue 7 acceptance: the three emulators the monitor and gdb tests run with the same command line:
// qemu-system-arm 7.2 (the system's, the reference), QEMU 10.0 (artifacts/qemu10, scripts/setup-qemu10.sh; only
// for the M-profile system-register target XML) and Nemu's nemu-system-arm built next to the tests.
namespace Nemu.Cli.Tests.Acceptance;

/// <summary>An emulator binary (and the arguments that start it, e.g. <c>dotnet nemu-system-arm.dll</c>).</summary>
internal sealed record Emulator(string Name, string FileName, IReadOnlyList<string> Prefix)
{
    /// <summary>The system's qemu-system-arm 7.2 (installed by scripts/test.sh).</summary>
    public static Emulator Qemu72
    {
        get
        {
            var qemu = EmulatorRun.Qemu;
            return new Emulator("qemu-7.2", qemu.FileName, qemu.Prefix);
        }
    }

    /// <summary>QEMU 10.0 from bookworm-backports, unpacked by scripts/setup-qemu10.sh (its wrapper adds -L and -audio none).</summary>
    public static Emulator Qemu10
    {
        get
        {
            var run = Path.Combine(AcceptanceTools.RepositoryRoot, "artifacts", "qemu10", "run");
            Assert.True(
                File.Exists(run),
                $"QEMU 10.0 is missing ({run}): run ./scripts/setup-qemu10.sh (scripts/test.sh runs it) to fetch it from bookworm-backports");
            return new Emulator("qemu-10.0", run, []);
        }
    }

    /// <summary>Nemu's nemu-system-arm, built next to the tests.</summary>
    public static Emulator Nemu
    {
        get
        {
            var nemu = EmulatorRun.Nemu;
            return new Emulator("nemu", nemu.FileName, nemu.Prefix);
        }
    }

    public override string ToString() => Name;
}
