using Nemu.Arm.Cpu;
using Nemu.Arm.Exceptions;
using Nemu.Arm.Tests.Support;

namespace Nemu.Arm.Tests.Devices;

public sealed class Armv7mTests
{
    private static string RecordingPath()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Nemu.sln")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        return Path.Combine(dir!.FullName, "tests", "Nemu.Memory.Tests", "Data", "qemu-7.2-mps2-an385.mtree.txt");
    }

    private static List<string> ContainerLines(string mtree)
    {
        var lines = mtree.Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith("address-space: cpu-memory-0", StringComparison.Ordinal));
        Assert.True(start >= 0, mtree);
        var result = new List<string> { lines[start + 1], lines[start + 2] };
        for (var i = start + 3; i < lines.Length && lines[i].Length > 0; i++)
        {
            if (lines[i].StartsWith("    0", StringComparison.Ordinal))
            {
                result.Add(lines[i]);
            }
        }

        return result;
    }

    [Fact]
    public void ContainerLayoutMatchesQemuMps2An385Recording()
    {
        using var m = new Armv7mMachine();
        var expected = ContainerLines(File.ReadAllText(RecordingPath()));
        var actual = ContainerLines(m.System.FormatMtree());
        Assert.Equal(expected, actual);
        Assert.Contains("address-space: bitband-source", m.System.FormatMtree(), StringComparison.Ordinal);
    }

    [Fact]
    public void ResetLoadsSpAndPcFromTheVectorTable()
    {
        using var m = new Armv7mMachine();
        m.Load([0x00, 0x10, 0x00, 0x20, 0x41, 0x00, 0x00, 0x00]);
        m.Start();
        Assert.Equal(0x20001000u, m.Cpu.Msp);
        Assert.Equal(0x40u, m.Cpu.Pc);
        Assert.Equal(0xFFFFFFFFu, m.Cpu.GetRegister(14));
        Assert.Equal(ArmCpuRunState.Running, m.Cpu.State);
    }

    [Fact]
    public void ScsRegistersReflectModelAndNvicState()
    {
        using var m = new Armv7mMachine("cortex-m4");
        m.Start();
        Assert.Equal(0x410FC240u, m.Read32(0xE000ED00));
        Assert.Equal(0xFA050000u, m.Read32(0xE000ED0C));
        Assert.Equal(0x200u, m.Read32(0xE000ED14));
        Assert.Equal(0x01141110u, m.Read32(0xE000ED60));
        m.Write(0xE000E100, 0x5, 4);
        Assert.Equal(0x5u, m.Read32(0xE000E100));
        m.Write(0xE000E200, 0x4, 4);
        Assert.Equal((uint)(ExceptionNumber.FirstExternal + 2) << 12, m.Read32(0xE000ED04) & 0x1FF000);
        m.Write(0xE000E402, 0xFF, 1);
        Assert.Equal(0x00FF0000u, m.Read32(0xE000E400));
        m.Write(0xE000ED0C, 0x05FA0500, 4);
        Assert.Equal(0xFA050500u, m.Read32(0xE000ED0C));
        m.Write(0xE000ED0C, 0x00000200, 4);
        Assert.Equal(0xFA050500u, m.Read32(0xE000ED0C));
        Assert.Equal(9999u, m.Read32(0xE000E01C));
    }

    [Fact]
    public void ScrKeepsSleepOnExitAndSevOnPendButSleepDeepReadsAsZero()
    {
        // Observed on qemu-system-arm 7.2 (mps2-an385 and mps2-an500): writing 0x1E to SCR reads back 0x12.
        using var m = new Armv7mMachine();
        m.Start();
        m.Write(0xE000ED10, 0x1E, 4);
        Assert.Equal(0x12u, m.Read32(0xE000ED10));
    }

    [Fact]
    public void CacheIdentificationReadsAsQemuAndMaintenanceWritesAreAccepted()
    {
        // Observed on qemu-system-arm 7.2 (mps2-an385 and mps2-an500): CLIDR/CTR read 0, cache maintenance writes
        // are silent no-ops, and only reading a maintenance register is a bad offset.
        using var m = new Armv7mMachine("cortex-m7");
        m.Start();
        using var log = Nemu.Core.Logging.Log.Capture(Nemu.Core.Logging.LogItem.GuestErrors);
        Assert.Equal(0u, m.Read32(0xE000ED78));
        Assert.Equal(0u, m.Read32(0xE000ED7C));
        m.Write(0xE000ED84, 0x13, 4);
        Assert.Equal(0x3u, m.Read32(0xE000ED84));
        m.Write(0xE000EF50, 0, 4);
        m.Write(0xE000EF5C, 0, 4);
        m.Write(0xE000EF78, 0, 4);
        Assert.Equal(0u, m.Read32(0xE000EF50));
        Assert.Equal(["NVIC: Bad read offset 0xf50"], log.Lines);
    }

    [Fact]
    public void SysresetreqWithVectkeyRequestsASystemReset()
    {
        using var m = new Armv7mMachine();
        var requests = 0;
        m.Armv7m.SystemResetRequested = () => requests++;
        m.Write(0xE000ED0C, 0x00000004, 4);
        Assert.Equal(0, requests);
        m.Write(0xE000ED0C, 0x05FA0004, 4);
        Assert.Equal(1, requests);
    }

    [Fact]
    public void BitbandAliasReadsAndWritesSingleBits()
    {
        using var m = new Armv7mMachine();
        var cpuSpace = m.Armv7m.CpuAddressSpace!;
        cpuSpace.Write(new Nemu.Core.GuestAddress(0x22000000 + (0x10 * 32) + (3 * 4)), 1, 4, default);
        Assert.Equal(0x8u, m.Read32(0x20000010));
        cpuSpace.Read(new Nemu.Core.GuestAddress(0x22000000 + (0x10 * 32) + (3 * 4)), 4, default, out var bit);
        Assert.Equal(1ul, bit);
    }

    [Fact]
    public void UnprivilegedScsAccessIsABusError()
    {
        using var m = new Armv7mMachine();
        var r = m.Armv7m.CpuAddressSpace!.Read(new Nemu.Core.GuestAddress(0xE000ED04), 4, new Nemu.Core.MemTxAttrs(User: true), out _);
        Assert.NotEqual(Nemu.Core.MemTxResult.Ok, r);
    }

    [Fact]
    public void CpuHelpListsTheModels()
    {
        var help = ArmCpuModels.Help();
        Assert.Contains("  cortex-m0\n", help, StringComparison.Ordinal);
        Assert.Contains("  cortex-m7\n", help, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ArmCpuModels.Get("cortex-m55"));
    }

    [Fact]
    public void PendSvSetInIcsrRunsPendSvAfterTheSvcHandlerReturns()
    {
        using var m = new Armv7mMachine();
        m.Load(Assembler.Assemble(TestMachine.ProgramSource(@"
.thumb_func
start:
    ldr r6, =0x20000000
    movs r7, #0
    svc #0
    str r7, [r6]
done:
    wfi
    b done
.thumb_func
svc:
    ldr r0, =0xE000ED04
    ldr r1, =0x10000000
    str r1, [r0]
    lsls r7, r7, #4
    adds r7, #1
    bx lr
.thumb_func
pendsv:
    lsls r7, r7, #4
    adds r7, #2
    bx lr
", new Dictionary<int, string> { [ExceptionNumber.SvCall] = "svc", [ExceptionNumber.PendSv] = "pendsv" })));
        m.Start();
        Assert.True(m.Loop.RunUntil(() => m.Read32(0x20000000) != 0, TimeSpan.FromSeconds(30)));
        Assert.Equal(0x12u, m.Read32(0x20000000));
    }

    [Fact]
    public void BasepriBlocksInterruptsOfLowerOrEqualPriority()
    {
        using var m = new Armv7mMachine();
        m.Load(Assembler.Assemble(TestMachine.ProgramSource(@"
.thumb_func
start:
    ldr r0, =0xE000E100
    movs r1, #3
    str r1, [r0]
    ldr r0, =0xE000E400
    ldr r1, =0x2040
    str r1, [r0]
    movs r1, #0x40
    msr basepri, r1
    ldr r0, =0xE000E200
    movs r1, #3
    str r1, [r0]
    ldr r6, =0x20000000
    ldr r5, [r6]
    movs r1, #0
    msr basepri, r1
    nop
    ldr r4, [r6]
done:
    wfi
    b done
.thumb_func
irq0:
    ldr r0, =0x20000000
    ldr r1, [r0]
    adds r1, #1
    str r1, [r0]
    bx lr
.thumb_func
irq1:
    ldr r0, =0x20000000
    ldr r1, [r0]
    adds r1, #16
    str r1, [r0]
    bx lr
", new Dictionary<int, string> { [ExceptionNumber.FirstExternal] = "irq0", [ExceptionNumber.FirstExternal + 1] = "irq1" })));
        m.Start();
        Assert.True(m.Loop.RunUntil(() => m.Cpu.GetRegister(4) != 0, TimeSpan.FromSeconds(30)));
        Assert.Equal(0x10u, m.Cpu.GetRegister(5));
        Assert.Equal(0x11u, m.Cpu.GetRegister(4));
    }
}
