// The condition codes of the Armv7-M ARM (A7.3 ConditionPassed, table A7-1) as one struct per condition, for
// handlers specialised on a condition known at decode time (B<c>). AL is not a condition here: B with cond 14
// has its own unconditional handler.
using Nemu.Arm.Cpu;

namespace Nemu.Arm.Interpreter;

internal static partial class ThumbInterpreter
{
    private interface ICondition
    {
        static abstract bool Passed(ArmCpu cpu);
    }

    private struct CondEq : ICondition
    {
        public static bool Passed(ArmCpu cpu) => cpu.Z;
    }

    private struct CondNe : ICondition
    {
        public static bool Passed(ArmCpu cpu) => !cpu.Z;
    }

    private struct CondCs : ICondition
    {
        public static bool Passed(ArmCpu cpu) => cpu.C;
    }

    private struct CondCc : ICondition
    {
        public static bool Passed(ArmCpu cpu) => !cpu.C;
    }

    private struct CondMi : ICondition
    {
        public static bool Passed(ArmCpu cpu) => cpu.N;
    }

    private struct CondPl : ICondition
    {
        public static bool Passed(ArmCpu cpu) => !cpu.N;
    }

    private struct CondVs : ICondition
    {
        public static bool Passed(ArmCpu cpu) => cpu.V;
    }

    private struct CondVc : ICondition
    {
        public static bool Passed(ArmCpu cpu) => !cpu.V;
    }

    private struct CondHi : ICondition
    {
        public static bool Passed(ArmCpu cpu) => cpu.C && !cpu.Z;
    }

    private struct CondLs : ICondition
    {
        public static bool Passed(ArmCpu cpu) => !cpu.C || cpu.Z;
    }

    private struct CondGe : ICondition
    {
        public static bool Passed(ArmCpu cpu) => cpu.N == cpu.V;
    }

    private struct CondLt : ICondition
    {
        public static bool Passed(ArmCpu cpu) => cpu.N != cpu.V;
    }

    private struct CondGt : ICondition
    {
        public static bool Passed(ArmCpu cpu) => !cpu.Z && cpu.N == cpu.V;
    }

    private struct CondLe : ICondition
    {
        public static bool Passed(ArmCpu cpu) => cpu.Z || cpu.N != cpu.V;
    }
}
