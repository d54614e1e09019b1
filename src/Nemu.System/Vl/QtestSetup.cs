// Implements: the qtest parts of QEMU 7.2 softmmu/vl.c: "-accel qtest" (and "-qtest" alone, because QEMU then
// defaults the accelerator to qtest when its module exists; the Debian 7.2 build lacks the module and runs TCG,
// where clock_step is an unknown command: issue6-plan.md §0.1) selects the manual virtual clock and no CPU
// execution; "-qtest DEV" opens the chardev labelled "qtest" (qtest_server_init; "Failed to initialize device for
// qtest" when the spec is not a chardev) and "-qtest-log FILE" its protocol log (stderr by default, "none" for
// nothing).
// Not modelled: -qtest with an explicit "-accel tcg" (QEMU would run the CPU under qtest; Nemu still runs qtest mode).
using Nemu.Chardevs;
using Nemu.Options.CommandLine;
using Nemu.System.Qtest;

namespace Nemu.System.Vl;

/// <summary>Wires <c>-qtest</c>, <c>-qtest-log</c> and <c>-accel qtest</c> into the start-up sequence.</summary>
public static class QtestSetup
{
    /// <summary>True when the machine runs under the qtest accelerator: manual virtual time, CPUs never run.</summary>
    public static bool IsQtestAccel(QemuCommandLine commandLine) =>
        commandLine.Qtest is not null || commandLine.Accelerators.Any(a => a.Name == "qtest");

    /// <summary>Opens the <c>-qtest</c> chardev and attaches a server to it; null without <c>-qtest</c>.</summary>
    public static QtestServer? Create(Machine machine, QemuCommandLine commandLine, VlContext context)
    {
        if (commandLine.Qtest is not { } spec)
        {
            return null;
        }

        var location = Vl.LocationsOf(commandLine, "qtest").LastOrDefault();
        var factory = new ChardevFactory(machine.Loop, machine.Chardevs, context.Error)
        {
            Terminate = () => machine.RequestQuit(0),
        };

        Chardev? chardev;
        try
        {
            chardev = factory.CreateFromLegacy("qtest", spec);
        }
        catch (ChardevException e)
        {
            throw new VlException(e.Message, location);
        }

        if (chardev is null)
        {
            throw new VlException($"Failed to initialize device for qtest: \"{spec}\"", location);
        }

        var log = OpenLog(commandLine.QtestLog, context);
        var server = QtestServer.Attach(machine, chardev, IsQtestAccel(commandLine), log);
        machine.Qdev.AddService(server);
        return server;
    }

    private static TextWriter? OpenLog(string? path, VlContext context)
    {
        switch (path)
        {
            case null:
                return context.Error;
            case "none":
            case "/dev/null":
                return null;
        }

        try
        {
            return new StreamWriter(path, append: false) { AutoFlush = true };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new VlException($"Failed to open qtest log '{path}': {e.Message}");
        }
    }
}
