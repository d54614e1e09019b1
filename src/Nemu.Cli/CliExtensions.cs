using Nemu.Chardevs;
using Nemu.Options.CommandLine;
using Nemu.System;
using Nemu.System.Vl;

namespace Nemu.Cli;

/// <summary>The parts above the System layer that this binary plugs into start-up.</summary>
internal sealed class CliExtensions : IVlExtensions
{
    public IReadOnlyList<string> CpuTypes => [];

    public bool TryAnswerHelp(HelpRequest help, TextWriter output) => false;

    public void AttachMonitor(Machine machine, Chardev chardev)
    {
    }

    public void Populate(Machine machine, QemuCommandLine commandLine, VlContext context)
    {
    }
}
