// "-d cpu": the M-profile register dump of QEMU 7.2 (target/arm/cpu.c arm_cpu_dump_state): R00..R15 four to a
// line, then "XPSR=%08x" with the NZCV letters, T (Thumb) or A, and the mode (handler, priv-thread,
// unpriv-thread), which cores with the Security Extension prefix with the state ("S "/"NS ", as qemu-system-arm
// -M mps2-an505 -d cpu prints it). With CPU_DUMP_FPU (`info registers`, "-d cpu,fpu") it adds the sNN/dNN lines
// of an FP core (16 D registers on M-profile) and "FPSCR: %08x", which QEMU prints even without an FPU.
using System.Text;

namespace Nemu.Arm.Cpu;

/// <summary>Formats the CPU state the way QEMU's <c>cpu_dump_state</c> prints it for M-profile.</summary>
public static class CpuStateDump
{
    /// <summary>The dump (several lines, no trailing newline).</summary>
    public static string Format(ArmCpu cpu) => Format(cpu, fpu: false);

    /// <summary>The dump (several lines, no trailing newline); <paramref name="fpu"/> is QEMU's CPU_DUMP_FPU.</summary>
    public static string Format(ArmCpu cpu, bool fpu)
    {
        ArgumentNullException.ThrowIfNull(cpu);
        var sb = new StringBuilder(300);
        for (var i = 0; i < 16; i++)
        {
            sb.Append('R').Append(i.ToString("d2", global::System.Globalization.CultureInfo.InvariantCulture)).Append('=')
                .Append(cpu.GetRegister(i).ToString("x8", global::System.Globalization.CultureInfo.InvariantCulture))
                .Append(i % 4 == 3 ? '\n' : ' ');
        }

        var xpsr = cpu.Xpsr;
        var mode = cpu.IsHandlerMode ? "handler" : cpu.ControlNPriv ? "unpriv-thread" : "priv-thread";
        sb.Append("XPSR=").Append(xpsr.ToString("x8", global::System.Globalization.CultureInfo.InvariantCulture)).Append(' ')
            .Append((xpsr & (1u << 31)) != 0 ? 'N' : '-')
            .Append((xpsr & (1u << 30)) != 0 ? 'Z' : '-')
            .Append((xpsr & (1u << 29)) != 0 ? 'C' : '-')
            .Append((xpsr & (1u << 28)) != 0 ? 'V' : '-')
            .Append(' ').Append((xpsr & (1u << 24)) != 0 ? 'T' : 'A').Append(' ')
            .Append(!cpu.HasSecurityExtension ? string.Empty : cpu.Secure ? "S " : "NS ").Append(mode);
        if (fpu)
        {
            AppendFpu(sb, cpu);
        }

        return sb.ToString();
    }

    private static void AppendFpu(StringBuilder sb, ArmCpu cpu)
    {
        var inv = global::System.Globalization.CultureInfo.InvariantCulture;
        var doubles = cpu.HasFp ? 16 : 0;
        for (var i = 0; i < doubles; i++)
        {
            var d = cpu.GetDouble(i);
            sb.Append("\ns").Append((2 * i).ToString("d2", inv)).Append('=').Append(((uint)d).ToString("x8", inv))
                .Append(" s").Append(((2 * i) + 1).ToString("d2", inv)).Append('=').Append(((uint)(d >> 32)).ToString("x8", inv))
                .Append(" d").Append(i.ToString("d2", inv)).Append('=').Append(d.ToString("x16", inv));
        }

        sb.Append("\nFPSCR: ").Append(cpu.FpscrValue.ToString("x8", inv));
    }
}
