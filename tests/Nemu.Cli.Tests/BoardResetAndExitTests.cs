namespace Nemu.Cli.Tests;

/// <summary>
/// How a guest ends an mps2-an385 run, on QEMU and on Nemu (management.md §1.2, §7; mprofile.md §6.1): a raw
/// -kernel image at 0 that writes AIRCR.SYSRESETREQ under -no-reboot, or calls semihosting SYS_EXIT.
/// </summary>
public sealed class BoardResetAndExitTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("nemu-board-").FullName;

    [Fact]
    public void SysResetReqWithNoRebootExitsZeroAsQemuDoes()
    {
        // ldr r0, =0xE000ED0C; ldr r1, =0x05FA0004; str r1, [r0]; b .
        var image = Image([0x4801, 0x4902, 0x6001, 0xE7FE], [0xE000ED0C, 0x05FA0004]);
        string[] args = ["-M", "mps2-an385", "-display", "none", "-serial", "null", "-monitor", "none", "-no-reboot", "-kernel", image];

        var qemu = EmulatorRun.Run(EmulatorRun.Qemu, args, string.Empty);
        var nemu = EmulatorRun.Run(EmulatorRun.Nemu, args, string.Empty);

        Assert.Equal(0, qemu.ExitCode);
        Assert.Equal(qemu.ExitCode, nemu.ExitCode);
    }

    [Theory]
    [InlineData(0x20026u, 0)]
    [InlineData(0x20024u, 1)]
    public void SemihostingExitEndsTheRunWithQemusStatus(uint reason, int expectedStatus)
    {
        // movs r0, #0x18; ldr r1, =reason; bkpt #0xab; b .
        var image = Image([0x2018, 0x4901, 0xBEAB, 0xE7FE], [reason]);
        string[] args = ["-M", "mps2-an385", "-display", "none", "-serial", "null", "-monitor", "none", "-semihosting", "-kernel", image];

        var qemu = EmulatorRun.Run(EmulatorRun.Qemu, args, string.Empty);
        var nemu = EmulatorRun.Run(EmulatorRun.Nemu, args, string.Empty);

        Assert.Equal(expectedStatus, qemu.ExitCode);
        Assert.Equal(qemu.ExitCode, nemu.ExitCode);
    }

    /// <summary>A raw image: initial SP, reset vector to 0x08, the Thumb code at 0x08, then a literal pool at 0x10.</summary>
    private string Image(ushort[] code, uint[] literals)
    {
        var bytes = new List<byte>();
        bytes.AddRange(BitConverter.GetBytes(0x20001000u));
        bytes.AddRange(BitConverter.GetBytes(0x00000009u));
        foreach (var halfword in code)
        {
            bytes.AddRange(BitConverter.GetBytes(halfword));
        }

        foreach (var literal in literals)
        {
            bytes.AddRange(BitConverter.GetBytes(literal));
        }

        var path = Path.Combine(_dir, $"image{Directory.GetFiles(_dir).Length}.bin");
        File.WriteAllBytes(path, [.. bytes]);
        return path;
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
