// The in-process qtest transport: the real start-up sequence (Vl.Build with the nemu-system-arm composition)
// builds the machine in this process under the qtest accelerator; each line goes straight to a QtestServer and
// the main loop then runs whatever the command posted (bottom halves), so the text is what a socket would carry
// without sockets or a second process. HMP commands run on an HmpSession over the same machine.
using System.Text;
using Nemu.Cli;
using Nemu.Monitor;
using Nemu.Monitor.Hmp;
using Nemu.Options.CommandLine;
using Nemu.System;
using Nemu.System.Qtest;
using Nemu.System.Vl;

namespace Nemu.Testing.Qtest;

/// <summary>A qtest connection to a machine built in the test process.</summary>
internal sealed class InProcessQtestTransport : IQtestTransport
{
    private readonly HostObjects _objects = new();
    private readonly Queue<string> _lines = new();
    private readonly StringBuilder _pending = new();
    private readonly QtestServer _server;
    private readonly HmpSession _hmp;
    private readonly StringBuilder _hmpOutput = new();

    public InProcessQtestTransport(IReadOnlyList<string> args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new VlContext(Program.ProgramName, Program.CreateMachineRegistry(), CliExtensions.CreateDeviceRegistry(), output, error);
        QemuCommandLine commandLine;
        try
        {
            commandLine = CommandLineParser.Parse([.. args, "-accel", "qtest"]);
            Machine = global::Nemu.System.Vl.Vl.Build(commandLine, context, new CliExtensions(), _objects);
        }
        catch (Exception e) when (e is VlException or Nemu.Options.OptionsException)
        {
            _objects.Dispose();
            throw new InvalidOperationException($"nemu-system-arm {string.Join(' ', args)}: {e.Message}\n{error}", e);
        }

        Machine.Reset();
        if (!commandLine.StartStopped)
        {
            Machine.Start();
        }

        _server = new QtestServer(Machine, clockEnabled: true, OnServerText);
        _hmp = new HmpSession(new MachineHmpAdapter(Machine), text => _hmpOutput.Append(text));
        Machine.Loop.RunUntilIdle();
    }

    /// <summary>The machine under test (for assertions a protocol cannot make).</summary>
    public Machine Machine { get; }

    public void SendLine(string line)
    {
        _server.ProcessLine(line);
        Machine.Loop.RunUntilIdle();
    }

    public string ReadLine() =>
        _lines.TryDequeue(out var line) ? line : throw new QtestException("the in-process qtest server sent no reply");

    public string Hmp(string command)
    {
        _hmpOutput.Clear();
        _hmp.Execute(command);
        Machine.Loop.RunUntilIdle();
        return _hmpOutput.ToString();
    }

    public void Dispose()
    {
        Machine.Dispose();
        _objects.Dispose();
    }

    private void OnServerText(string text)
    {
        _pending.Append(text);
        var all = _pending.ToString();
        var start = 0;
        int end;
        while ((end = all.IndexOf('\n', start)) >= 0)
        {
            _lines.Enqueue(all[start..end]);
            start = end + 1;
        }

        _pending.Clear().Append(all[start..]);
    }
}
