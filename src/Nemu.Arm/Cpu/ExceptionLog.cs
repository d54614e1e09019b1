// "-d int" for M-profile, in QEMU 7.2's words (target/arm/helper.c arm_log_exception, target/arm/m_helper.c
// arm_v7m_cpu_do_interrupt / v7m_exception_taken / arm_v7m_load_vector / do_v7m_exception_exit / v7m_stack_write,
// target/arm/cpu.c arm_cpu_reset): "Taking exception N [name] on CPU 0" with QEMU's internal exception number
// (EXCP_UDEF 1, EXCP_SWI 2, EXCP_PREFETCH_ABORT 3, EXCP_DATA_ABORT 4, EXCP_IRQ 5, EXCP_BKPT 7, EXCP_EXCEPTION_EXIT 8,
// EXCP_SEMIHOST 16, EXCP_NOCP 17, EXCP_INVSTATE 18, EXCP_DIVBYZERO 23) followed by the "..." detail lines.
// The entry and return lines themselves ("...taking pending nonsecure exception", "...tailchaining to pending
// exception", "...derived exception on ...", the integrity-check lines) are written where they happen in
// ArmCpu.Exceptions.cs, ArmCpu.ExceptionReturn.cs, ArmCpu.CalleeStack.cs, ArmCpu.FpContext.cs and ArmCpu.Stack.cs.
using System.Globalization;
using Nemu.Arm.Exceptions;
using Nemu.Core.Logging;

namespace Nemu.Arm.Cpu;

/// <summary>Writes the exception-model events of "-d int".</summary>
internal static class ExceptionLog
{
    public const int ExcpUdef = 1, ExcpSwi = 2, ExcpPrefetchAbort = 3, ExcpDataAbort = 4, ExcpIrq = 5, ExcpBkpt = 7;
    public const int ExcpExceptionExit = 8, ExcpSemihost = 16, ExcpNocp = 17, ExcpInvState = 18, ExcpDivByZero = 23;

    public static bool Enabled => Log.IsEnabled(LogItem.Int);

    public static void Write(string message) => Log.Write(LogItem.Int, message);

    /// <summary>Writes a constant message when -d int is on (no formatting cost otherwise).</summary>
    public static void WriteIfEnabled(string message)
    {
        if (Enabled)
        {
            Write(message);
        }
    }

    /// <summary>arm_log_exception.</summary>
    public static void Taking(int excp) =>
        Write(string.Create(CultureInfo.InvariantCulture, $"Taking exception {excp} [{Name(excp)}] on CPU 0"));

    /// <summary>The lines QEMU logs when a synchronous fault is raised (before it is pended).</summary>
    public static void FaultRaised(ArmCpu cpu, int exception, uint cfsrBits, uint faultAddress)
    {
        var pc = cpu.Pc;
        switch (exception)
        {
            case ExceptionNumber.UsageFault when (cfsrBits & FaultStatus.Unaligned) != 0:
                Taking(ExcpDataAbort);
                Write(string.Create(CultureInfo.InvariantCulture, $"...at fault address 0x{faultAddress:x}"));
                Write("...really UsageFault with UFSR.UNALIGNED");
                break;
            case ExceptionNumber.UsageFault when (cfsrBits & FaultStatus.UndefInstr) != 0:
                Taking(ExcpUdef);
                break;
            case ExceptionNumber.UsageFault when (cfsrBits & FaultStatus.NoCp) != 0:
                Taking(ExcpNocp);
                break;
            case ExceptionNumber.UsageFault when (cfsrBits & FaultStatus.InvState) != 0:
                Taking(ExcpInvState);
                break;
            case ExceptionNumber.UsageFault when (cfsrBits & FaultStatus.DivByZero) != 0:
                Taking(ExcpDivByZero);
                break;
            case ExceptionNumber.BusFault when (cfsrBits & FaultStatus.IbusErr) != 0:
                Taking(ExcpPrefetchAbort);
                Write(string.Create(CultureInfo.InvariantCulture, $"...at fault address 0x{faultAddress:x}"));
                Write("...with CFSR.IBUSERR");
                break;
            case ExceptionNumber.BusFault when (cfsrBits & FaultStatus.PreciseErr) != 0:
                Taking(ExcpDataAbort);
                Write(string.Create(CultureInfo.InvariantCulture, $"...at fault address 0x{cpu.Nvic.Bfar:x}"));
                Write(string.Create(CultureInfo.InvariantCulture, $"...with CFSR.PRECISERR and BFAR 0x{cpu.Nvic.Bfar:x}"));
                break;
            case ExceptionNumber.MemManage when (cfsrBits & FaultStatus.DaccViol) != 0:
                Taking(ExcpDataAbort);
                Write(string.Create(CultureInfo.InvariantCulture, $"...at fault address 0x{cpu.Nvic.Mmfar:x}"));
                Write(string.Create(CultureInfo.InvariantCulture, $"...with CFSR.DACCVIOL and MMFAR 0x{cpu.Nvic.Mmfar:x}"));
                break;
            case ExceptionNumber.MemManage when (cfsrBits & FaultStatus.IaccViol) != 0:
                Taking(ExcpPrefetchAbort);
                Write(string.Create(CultureInfo.InvariantCulture, $"...at fault address 0x{(faultAddress != 0 ? faultAddress : pc):x}"));
                Write("...with CFSR.IACCVIOL");
                break;
            case ExceptionNumber.DebugMonitor:
                Taking(ExcpBkpt);
                break;
        }
    }

    public static string Name(int excp) => excp switch
    {
        1 => "Undefined Instruction",
        2 => "SVC",
        3 => "Prefetch Abort",
        4 => "Data Abort",
        5 => "IRQ",
        6 => "FIQ",
        7 => "Breakpoint",
        8 => "QEMU v7M exception exit",
        9 => "QEMU intercept of kernel commpage",
        11 => "Hypervisor Call",
        12 => "Hypervisor Trap",
        13 => "Secure Monitor Call",
        14 => "Virtual IRQ",
        15 => "Virtual FIQ",
        16 => "Semihosting call",
        17 => "v7M NOCP UsageFault",
        18 => "v7M INVSTATE UsageFault",
        19 => "v8M STKOF UsageFault",
        20 => "v7M exception during lazy FP stacking",
        21 => "v8M LSERR UsageFault",
        22 => "v7M UNALIGNED UsageFault",
        23 => "v7M DIVBYZERO UsageFault",
        _ => "unknown",
    };
}
