using Nemu.Chardevs;
using Nemu.Options.CommandLine;
using Nemu.System;
using Nemu.System.Vl;

namespace Nemu.Cli.Tests;

/// <summary>Runs the real start-up sequence in this process and stops the machine as soon as it is built.</summary>
internal static class InProcessVl
{
    public static (int ExitCode, string Out, string Error) Run(IReadOnlyList<string> args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new VlContext(Program.ProgramName, Program.CreateMachineRegistry(), CliExtensions.CreateDeviceRegistry(), output, error);
        var code = global::Nemu.System.Vl.Vl.Run(args, context, new QuitWhenBuilt());
        return (code, output.ToString(), error.ToString());
    }

    private sealed class QuitWhenBuilt : IVlExtensions
    {
        private readonly CliExtensions _inner = new();

        public IReadOnlyList<string> CpuTypes => _inner.CpuTypes;

        public bool TryAnswerHelp(HelpRequest help, TextWriter output) => _inner.TryAnswerHelp(help, output);

        public void AttachMonitor(Machine machine, Chardev chardev) => _inner.AttachMonitor(machine, chardev);

        public void AttachQmp(Machine machine, Chardev chardev, bool pretty) => _inner.AttachQmp(machine, chardev, pretty);

        public void AttachGdbStub(Machine machine, string device) => _inner.AttachGdbStub(machine, device);

        public void Populate(Machine machine, QemuCommandLine commandLine, VlContext context)
        {
            _inner.Populate(machine, commandLine, context);
            machine.RequestQuit(0);
        }
    }
}
