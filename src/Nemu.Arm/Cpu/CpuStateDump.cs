// "-d cpu": the M-profile register dump of QEMU 7.2 (target/arm/cpu.c arm_cpu_dump_state): R00..R15 four to a
// line, then "XPSR=%08x" with the NZCV letters, T (Thumb) or A, and the mode (handler, priv-thread,
// unpriv-thread), which cores with the Security Extension prefix with the state ("S "/"NS ", as qemu-system-arm
// -M mps2-an505 -d cpu prints it). Not modelled: the FP registers of "-d fpu" (not printed yet).
using System.Text;

namespace Nemu.Arm.Cpu;

/// <summary>Formats the CPU state the way QEMU's <c>cpu_dump_state</c> prints it for M-profile.</summary>
public static class CpuStateDump
{
    /// <summary>The dump (several lines, no trailing newline).</summary>
    public static string Format(ArmCpu cpu)
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
        return sb.ToString();
    }
}
