using Nemu.Chardevs;
using Nemu.Options.CommandLine;
using Nemu.System.Vl;

namespace Nemu.System.Tests.Vl;

/// <summary>Extensions for tests: no CPUs or devices; the loop quits as soon as it starts.</summary>
internal sealed class QuitAfterPopulate : IVlExtensions
{
    public IReadOnlyList<string> CpuTypes => [];

    public bool TryAnswerHelp(HelpRequest help, TextWriter output) => false;

    public void AttachMonitor(Machine machine, Chardev chardev)
    {
    }

    public void AttachQmp(Machine machine, Chardev chardev, bool pretty)
    {
    }

    public void AttachGdbStub(Machine machine, string device)
    {
    }

    public void Populate(Machine machine, QemuCommandLine commandLine, VlContext context) => machine.RequestQuit(0);
}
