// The CPU and chardev `info` subcommands of QEMU 7.2 (monitor/hmp-cmds.c and monitor/misc.c as recorded in
// /work/notes/issue7-ref/hmp-*-clean.txt): info registers [-a|vcpu] prints "\nCPU#n\n" then cpu_dump_state with
// CPU_DUMP_FPU; info cpus prints "%c CPU #%d: thread_id=%d" with '*' on the monitor's current CPU; info chardev prints
// "label: filename=..." per chardev in the machine's listing order (QEMU's query-chardev order). info irq and info pic print nothing: QEMU lists only interrupt controllers that
// implement its InterruptStatsProvider/pic interfaces, and none of Nemu's boards' (mps2 NVIC, virt GIC) do in 7.2.
// The current CPU is the session's (`cpu N`).
using System.Text;

namespace Nemu.Monitor.Hmp;

/// <summary>Handlers of <c>info registers</c>, <c>info cpus</c>, <c>info chardev</c>, <c>info irq</c> and <c>info pic</c>.</summary>
internal static class HmpCpuInfo
{
    public static void Registers(HmpSession session, HmpArguments args)
    {
        var machine = session.Machine;
        var text = new StringBuilder();
        if (args.Flag("cpustate_all"))
        {
            for (var i = 0; i < machine.CpuCount; i++)
            {
                AppendCpu(text, machine, i);
            }
        }
        else if (args.Has("vcpu") && unchecked((int)(uint)args.Integer("vcpu")) is var vcpu && vcpu >= 0)
        {
            // QEMU keeps vcpu in an int with -1 meaning "not given": 0xffffffff shows the current CPU.
            if (vcpu < machine.CpuCount)
            {
                AppendCpu(text, machine, (int)vcpu);
            }
            else
            {
                text.Append("CPU#").Append(vcpu).Append(" not available\n");
            }
        }
        else if (session.CurrentCpu < machine.CpuCount)
        {
            AppendCpu(text, machine, session.CurrentCpu);
        }
        else
        {
            text.Append("No CPU available\n");
        }

        session.Print(text.ToString());
    }

    public static void Cpus(HmpSession session, HmpArguments args)
    {
        var machine = session.Machine;
        var text = new StringBuilder();
        for (var i = 0; i < machine.CpuCount; i++)
        {
            text.Append(i == session.CurrentCpu ? '*' : ' ').Append(" CPU #").Append(i).Append(": thread_id=").Append(machine.CpuThreadId(i)).Append('\n');
        }

        session.Print(text.ToString());
    }

    public static void Chardevs(HmpSession session, HmpArguments args)
    {
        var text = new StringBuilder();
        foreach (var (label, filename) in session.Machine.Chardevs)
        {
            text.Append(label).Append(": filename=").Append(filename).Append('\n');
        }

        session.Print(text.ToString());
    }

    private static void AppendCpu(StringBuilder text, IHmpMachine machine, int index) =>
        text.Append("\nCPU#").Append(index).Append('\n').Append(machine.CpuState(index));
}
