// Implements QMP human-monitor-command of QEMU 7.2 (monitor/qmp-cmds.c qmp_human_monitor_command): each call runs
// the command line on a fresh HMP monitor (so `cpu N` does not persist, issue7-ref/hmp-an521-clean.txt) whose
// output is returned as a string with QEMU's "\r\n" line ends (monitor_puts). HMP errors are part of that text, not
// QMP errors. `cpu-index` selects the monitor's CPU first; a bad index is "Parameter 'cpu-index' expects a CPU number".
using System.Text;
using Nemu.Monitor.Hmp;
using Nemu.Monitor.Qmp.Json;
using Nemu.Monitor.Qmp.Schema;

namespace Nemu.Monitor.Qmp.Commands;

/// <summary>The QMP commands: human-monitor-command (piece C).</summary>
public static class HumanMonitorCommands
{
    /// <summary>The command records of this group.</summary>
    public static IEnumerable<QmpCommand> All() =>
    [
        new("human-monitor-command",
            QmpTypes.Arguments("human-monitor-command", new("command-line", QmpTypes.Str), new("cpu-index", QmpTypes.Int, true)),
            QmpTypes.Str,
            Execute)
        {
            Features = ["savevm-monitor-nodes"],
        },
    ];

    private static JsonValue Execute(QmpContext context, JsonObject args)
    {
        var line = QmpTypes.String(args, "command-line");
        var cpuIndex = QmpTypes.OptionalInteger(args, "cpu-index");
        var output = new StringBuilder();
        var session = new HmpSession(new MachineHmpAdapter(context.Machine), text => output.Append(text));
        if (cpuIndex is { } index)
        {
            session.CurrentCpu = MachineCpus.CheckIndex(context.Machine, index);
        }

        session.Execute(line);
        return new JsonString(ToCrLf(output));
    }

    /// <summary>monitor_puts: every "\n" goes out as "\r\n".</summary>
    private static string ToCrLf(StringBuilder text)
    {
        var result = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' && (i == 0 || text[i - 1] != '\r'))
            {
                result.Append('\r');
            }

            result.Append(text[i]);
        }

        return result.ToString();
    }
}
