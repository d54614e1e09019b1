using Nemu.Arm.Exceptions;
using Nemu.Arm.Tests.Support;
using Nemu.Core.Logging;

namespace Nemu.Arm.Tests.Cpu;

/// <summary>
/// "-d in_asm/exec/cpu/int" from the interpreter (management.md §8.1): QEMU's translation blocks are emulated
/// (a block ends after a branch, is printed once when translated, traced on every entry) and the texts are QEMU 7.2's.
/// </summary>
public sealed class BlockTracerTests
{
    private const string Loop = @"
.thumb_func
start:
    movs r0, #3
loop:
    subs r0, #1
    bne loop
done: b done
";

    [Fact]
    public void BlockEndsAfterBranchAndIsDisassembledOnlyWhenFirstTranslated()
    {
        var m = new TestMachine();
        m.LoadProgram(Loop);
        using var capture = Log.Capture(LogItem.InAsm);

        m.Cpu.RunSlice(10);

        Assert.Equal(
        [
            "----------------\nIN: \n0x000000c2:  2003       movs     r0, #3\n0x000000c4:  3801       subs     r0, #1\n0x000000c6:  d1fd       bne      #0xc4\n",
            "----------------\nIN: \n0x000000c4:  3801       subs     r0, #1\n0x000000c6:  d1fd       bne      #0xc4\n",
            "----------------\nIN: \n0x000000c8:  e7fe       b        #0xc8\n",
        ], capture.Lines);
    }

    [Fact]
    public void ExecTracesEveryBlockEntryWithQemuTbFlags()
    {
        var m = new TestMachine();
        m.LoadProgram(Loop);
        using var capture = Log.Capture(LogItem.Exec);

        m.Cpu.RunSlice(10);

        var traces = capture.Lines.Select(l => l[(l.IndexOf('[', StringComparison.Ordinal) - 1)..]).ToArray();
        Assert.Equal(
        [
            " [00800400/000000c2/00000110/ff000000] ",
            " [00800400/000000c4/00000110/ff000000] ",
            " [00800400/000000c4/00000110/ff000000] ",
            " [00800400/000000c8/00000110/ff000000] ",
            " [00800400/000000c8/00000110/ff000000] ",
            " [00800400/000000c8/00000110/ff000000] ",
        ], traces);
        Assert.All(capture.Lines, l => Assert.StartsWith("Trace 0: 0x7f", l, StringComparison.Ordinal));
    }

    [Fact]
    public void CpuDumpBeforeTheFirstBlockShowsQemusResetState()
    {
        var m = new TestMachine();
        m.LoadProgram(Loop);
        using var capture = Log.Capture(LogItem.Cpu);

        m.Cpu.RunSlice(1);

        Assert.Equal(
            "R00=00000000 R01=00000000 R02=00000000 R03=00000000\n"
            + "R04=00000000 R05=00000000 R06=00000000 R07=00000000\n"
            + "R08=00000000 R09=00000000 R10=00000000 R11=00000000\n"
            + "R12=00000000 R13=20040000 R14=ffffffff R15=000000c2\n"
            + "XPSR=41000000 -Z-- T priv-thread",
            Assert.Single(capture.Lines));
    }

    [Fact]
    public void SvcAndItsReturnAreLoggedWithQemusIntMessages()
    {
        var m = new TestMachine();
        m.LoadProgram(@"
.thumb_func
start:
    svc #1
done: b done
.thumb_func
svc_handler:
    bx lr
", new Dictionary<int, string> { [ExceptionNumber.SvCall] = "svc_handler" });
        using var capture = Log.Capture(LogItem.Int);

        m.RunUntilStuck();

        Assert.Equal(
        [
            "Taking exception 2 [SVC] on CPU 0",
            "...taking pending nonsecure exception 11",
            "...loading from element 11 of non-secure vector table at 0x2c",
            "...loaded new PC 0xc7",
            "Taking exception 8 [QEMU v7M exception exit] on CPU 0",
            "Exception return: magic PC fffffff9 previous exception 11",
            "...successful exception return",
        ], capture.Lines);
    }

    [Fact]
    public void UndefinedInstructionIsLoggedAsQemusUdefThenEscalatesToHardFault()
    {
        var m = new TestMachine();
        m.LoadProgram(@"
.thumb_func
start:
    udf #0
done: b done
");
        using var capture = Log.Capture(LogItem.Int);

        m.Cpu.RunSlice(2);

        Assert.Equal(
        [
            "Taking exception 1 [Undefined Instruction] on CPU 0",
            "...taking pending nonsecure exception 3",
            "...loading from element 3 of non-secure vector table at 0xc",
            "...loaded new PC 0xc1",
        ], capture.Lines);
    }
}
