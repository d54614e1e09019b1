// QMP run control (QEMU qapi/run-state.json, qapi/misc.json; softmmu/runstate.c, monitor/qmp-cmds.c; management.md
// §2.4). query-status in 7.2's StatusInfo shape (running, singlestep, status). stop pauses a running VM (STOP) and
// does nothing otherwise; cont refuses after a shutdown or internal error ("Resetting the Virtual Machine is
// required") and emits RESUME when it starts the VM; system_reset resets with RESET {guest: false,
// reason: host-qmp-system-reset} (a paused VM becomes prelaunch), or with -no-reboot shuts down as QEMU does;
// system_powerdown emits POWERDOWN (the M-profile boards have no power button); quit emits SHUTDOWN
// {guest: false, reason: host-qmp-quit} and ends the process with 0 once the reply is sent.
// Not modelled: -incoming (inmigrate autostart), suspend/wakeup.
using Nemu.Monitor.Qmp.Json;
using Nemu.Monitor.Qmp.Schema;
using Nemu.Options.CommandLine;
using Nemu.System;

namespace Nemu.Monitor.Qmp.Commands;

/// <summary>The QMP commands: stop, cont, system_reset, system_powerdown, quit, query-status (piece Q).</summary>
public static class RunControlCommands
{
    /// <summary>StatusInfo (7.2: with the deprecated <c>singlestep</c> member).</summary>
    public static QmpObjectType StatusInfo { get; } = new("StatusInfo",
        [new("running", QmpBuiltins.Bool), new("singlestep", QmpBuiltins.Bool), new("status", QmpEvents.RunState)]);

    /// <summary>The command records of this group.</summary>
    public static IEnumerable<QmpCommand> All() =>
    [
        new("query-status", null, StatusInfo, QueryStatus, AllowPreconfig: true),
        new("stop", null, null, Stop),
        new("cont", null, null, Cont),
        new("system_reset", null, null, SystemReset),
        new("system_powerdown", null, null, SystemPowerdown),
        new("quit", null, null, Quit, AllowPreconfig: true),
    ];

    /// <summary>query-status's value for <paramref name="machine"/>, members in schema order.</summary>
    public static JsonObject Status(Machine machine) => new(
        ("running", JsonBool.From(machine.State == RunState.Running)),
        ("singlestep", JsonBool.From(CommandLine(machine)?.Singlestep ?? false)),
        ("status", new JsonString(RunStateNames.QmpName(machine.State))));

    /// <summary>
    /// A shutdown request as QEMU's main loop handles it (main_loop_should_exit): SHUTDOWN {guest, reason}, then the
    /// process ends, or with -no-shutdown (unless <paramref name="forceExit"/>, as quit) the VM stops in the shutdown state.
    /// </summary>
    public static void RequestShutdown(Machine machine, ShutdownCause cause, bool forceExit = false)
    {
        if (!forceExit && (CommandLine(machine)?.NoShutdown ?? false))
        {
            machine.RaiseEvent(new ShutdownEvent(cause));
            machine.Stop(RunState.Shutdown);
            return;
        }

        machine.Shutdown(cause);
    }

    /// <summary>
    /// A reset request (qemu_system_reset_request): with -no-reboot it is a shutdown with the same cause, otherwise
    /// the system reset with its RESET event.
    /// </summary>
    public static void RequestReset(Machine machine, ShutdownCause cause)
    {
        if (CommandLine(machine)?.NoReboot ?? false)
        {
            RequestShutdown(machine, cause);
            return;
        }

        machine.SystemReset(cause);
    }

    private static QemuCommandLine? CommandLine(Machine machine) => machine.Qdev.GetService<QemuCommandLine>();

    private static JsonValue QueryStatus(QmpContext context, JsonObject arguments) => Status(context.Machine);

    private static JsonValue Stop(QmpContext context, JsonObject arguments)
    {
        context.Machine.Stop(RunState.Paused);
        return new JsonObject();
    }

    private static JsonValue Cont(QmpContext context, JsonObject arguments)
    {
        var machine = context.Machine;
        if (machine.State is RunState.InternalError or RunState.Shutdown)
        {
            throw new QmpException("Resetting the Virtual Machine is required");
        }

        if (machine.State == RunState.FinishMigrate)
        {
            throw new QmpException("Migration is not finalized yet");
        }

        machine.Start();
        return new JsonObject();
    }

    private static JsonValue SystemReset(QmpContext context, JsonObject arguments)
    {
        RequestReset(context.Machine, ShutdownCause.HostQmpSystemReset);
        return new JsonObject();
    }

    private static JsonValue SystemPowerdown(QmpContext context, JsonObject arguments)
    {
        context.Machine.SystemPowerdown();
        return new JsonObject();
    }

    private static JsonValue Quit(QmpContext context, JsonObject arguments)
    {
        RequestShutdown(context.Machine, ShutdownCause.HostQmpQuit, forceExit: true);
        return new JsonObject();
    }
}
