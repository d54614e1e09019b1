using Nemu.Chardevs;
using Nemu.Options.CommandLine;

namespace Nemu.System.Vl;

/// <summary>
/// What the start-up sequence takes from the layers above System (devices, CPUs, monitors): the CLI
/// composes them. Keeps System free of references to those projects.
/// </summary>
public interface IVlExtensions
{
    /// <summary>CPU model names for <c>-cpu help</c>.</summary>
    IReadOnlyList<string> CpuTypes { get; }

    /// <summary>Answers help topics owned by an extension (devices, chardevs); false when it has none.</summary>
    bool TryAnswerHelp(HelpRequest help, TextWriter output);

    /// <summary>Puts a human monitor on <paramref name="chardev"/> (<c>-monitor</c>, <c>mon:</c>, <c>-mon</c>).</summary>
    void AttachMonitor(Machine machine, Chardev chardev);

    /// <summary>Puts a QMP monitor on <paramref name="chardev"/> (<c>-qmp</c>, <c>-qmp-pretty</c>, <c>-mon mode=control</c>).</summary>
    void AttachQmp(Machine machine, Chardev chardev, bool pretty);

    /// <summary>
    /// Starts a gdbstub on <paramref name="device"/> (<c>-gdb DEV</c>, <c>-s</c> = <c>tcp::1234</c>) once the machine's
    /// CPUs exist; a bad device throws <see cref="VlException"/>.
    /// </summary>
    void AttachGdbStub(Machine machine, string device);

    /// <summary>Called once the machine's board is initialised and before reset: create devices, chardevs, monitors.</summary>
    void Populate(Machine machine, QemuCommandLine commandLine, VlContext context);
}
