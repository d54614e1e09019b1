using System.Text;
using Nemu.Monitor.Hmp;

namespace Nemu.Monitor.Tests.Hmp;

/// <summary>An HMP session over a fake machine whose replies are read one command at a time.</summary>
internal sealed class HmpProbe
{
    private readonly StringBuilder _output = new();

    public HmpProbe(IHmpMachine machine, TextWriter? processOutput = null) =>
        Session = new HmpSession(machine, s => _output.Append(s)) { ProcessOutput = processOutput ?? TextWriter.Null };

    public HmpSession Session { get; }

    /// <summary>Runs <paramref name="command"/> and returns what it printed on the monitor.</summary>
    public string Run(string command)
    {
        _output.Clear();
        Session.Execute(command);
        return _output.ToString();
    }
}
