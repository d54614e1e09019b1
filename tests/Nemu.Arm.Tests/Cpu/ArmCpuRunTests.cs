using Nemu.Arm.Tests.Support;

namespace Nemu.Arm.Tests.Cpu;

public sealed class ArmCpuRunTests
{
    // A loop with an ITE block after a compare: the run loop executes IT and the block's first instruction in one
    // handler call, which must not change where a slice ends.
    private const string Program = @"
.thumb_func
start:
    movs r0, #0
    movs r1, #0
loop:
    adds r0, #1
    cmp r0, #3
    ite lo
    addlo r1, r1, #10
    addhs r1, r1, #100
    cmp r0, #5
    bne loop
done:
    b done
";

    [Fact]
    public void EveryBudgetEndsWhereSingleStepsEnd()
    {
        var image = Assembler.Assemble(TestMachine.ProgramSource(Program));
        for (var budget = 1; budget <= 45; budget++)
        {
            var sliced = new TestMachine();
            sliced.LoadImage(image);
            sliced.Cpu.TakeReset();
            sliced.Cpu.RunSlice(budget);

            var stepped = new TestMachine();
            stepped.LoadImage(image);
            stepped.Cpu.TakeReset();
            for (var i = 0; i < budget; i++)
            {
                stepped.Cpu.RunSlice(1);
            }

            Assert.Equal(
                (stepped.Cpu.Pc, stepped.R(0), stepped.R(1), stepped.Cpu.InstructionCount),
                (sliced.Cpu.Pc, sliced.R(0), sliced.R(1), sliced.Cpu.InstructionCount));
            Assert.Equal(budget, sliced.Cpu.InstructionCount);
        }
    }
}
