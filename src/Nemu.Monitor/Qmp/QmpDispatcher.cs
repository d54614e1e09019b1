// QMP request dispatch (QEMU 7.2 qapi/qmp-dispatch.c qmp_dispatch + qmp_dispatch_check_obj, monitor/qmp.c
// monitor_qmp_dispatch; management.md §2.2-§2.3). Order of checks, as QEMU: the input must be an object; its
// members are checked in QDict iteration order ('execute'/'exec-oob' must be a string, at most one of them,
// 'arguments' must be an object, 'id' is anything, any other member is unexpected); 'execute' must be present;
// the command is looked up (before negotiation only qmp_capabilities exists, and CommandNotFound then reads
// "Expecting capabilities negotiation with 'qmp_capabilities'"); exec-oob needs an allow-oob command; the arguments
// are validated against the command's schema; the handler runs. A reply is {"return": V} or {"error": {"class",
// "desc"}}, plus "id" when the request had one, printed in QDict order. Not modelled: out-of-band execution on a
// separate thread (exec-oob commands run in order), command enable/disable, compat policies.
using Nemu.Core.Logging;
using Nemu.Monitor.Qmp.Commands;
using Nemu.Monitor.Qmp.Json;
using Nemu.Monitor.Qmp.Schema;
using Nemu.System;

namespace Nemu.Monitor.Qmp;

/// <summary>
/// Runs QMP requests against a machine without any transport: one parsed request in, the reply object out.
/// Used by <see cref="QmpMonitor"/> and directly by tests. Call on the main-loop thread.
/// </summary>
public sealed class QmpDispatcher
{
    private static readonly JsonObject EmptyArguments = new();
    private readonly Dictionary<string, QmpCommand> _commands = new(StringComparer.Ordinal);

    /// <summary>A dispatcher for every command Nemu implements (<see cref="QmpCommandTable.All"/>).</summary>
    public QmpDispatcher(Machine machine)
        : this(machine, QmpCommandTable.All)
    {
    }

    /// <summary>A dispatcher for <paramref name="commands"/> (registration order).</summary>
    public QmpDispatcher(Machine machine, IReadOnlyList<QmpCommand> commands)
    {
        Machine = machine;
        Commands = commands;
        foreach (var command in commands)
        {
            _commands[command.Name] = command;
        }
    }

    public Machine Machine { get; }

    /// <summary>The commands in registration order.</summary>
    public IReadOnlyList<QmpCommand> Commands { get; }

    /// <summary>The command named <paramref name="name"/>, or null.</summary>
    public QmpCommand? Find(string name) => _commands.GetValueOrDefault(name);

    /// <summary>The reply to a JSON parse error: <c>{"error": {"class": "GenericError", "desc": ...}}</c>, without id.</summary>
    public static JsonObject ParseErrorReply(string description) =>
        Reply(null, null, new QmpException(description));

    /// <summary>Runs one request for <paramref name="session"/> and returns the reply, in the order QEMU prints it.</summary>
    public JsonObject Dispatch(JsonValue request, QmpSession session)
    {
        JsonValue? id = null;
        try
        {
            if (request is not JsonObject obj)
            {
                throw new QmpException("QMP input must be a JSON object");
            }

            id = obj["id"];
            var (name, oob) = CheckObject(obj, session.OobEnabled);
            var command = session.Negotiated || name == "qmp_capabilities" ? Find(name) : null;
            if (command is null)
            {
                throw new QmpException(QmpErrorClass.CommandNotFound, session.Negotiated
                    ? $"The command {name} has not been found"
                    : "Expecting capabilities negotiation with 'qmp_capabilities'");
            }

            if (oob && !command.AllowOob)
            {
                throw new QmpException($"The command {name} does not support OOB");
            }

            var arguments = obj["arguments"] as JsonObject ?? EmptyArguments;
            if (command.ValidateArguments)
            {
                QmpArgumentValidator.Validate(command.Arguments, arguments);
            }

            var context = new QmpContext(Machine) { Session = session, Dispatcher = this };
            return Reply(id, Run(command, context, arguments), null);
        }
        catch (QmpException e)
        {
            return Reply(id, null, e);
        }
    }

    private static JsonValue Run(QmpCommand command, QmpContext context, JsonObject arguments)
    {
        try
        {
            return command.Handler(context, arguments);
        }
        catch (Exception e) when (e is not QmpException and not OutOfMemoryException)
        {
            // A handler bug must not take the emulator down: the client gets the message, the log the details.
            Log.Write(LogItem.Unimp, $"qmp: command '{command.Name}' failed: {e}\n");
            throw new QmpException(e.Message);
        }
    }

    // qmp_dispatch_check_obj: members in QDict iteration order, the first problem wins.
    private static (string Name, bool Oob) CheckObject(JsonObject request, bool allowOob)
    {
        string? execKey = null;
        string? name = null;
        foreach (var member in ((JsonObject)QDictOrder.Apply(request)).Members)
        {
            switch (member.Key)
            {
                case "execute":
                case "exec-oob" when allowOob:
                    if (member.Value is not JsonString s)
                    {
                        throw new QmpException($"QMP input member '{member.Key}' must be a string");
                    }

                    if (execKey is not null)
                    {
                        throw new QmpException($"QMP input member '{member.Key}' clashes with '{execKey}'");
                    }

                    execKey = member.Key;
                    name = s.Value;
                    break;
                case "arguments":
                    if (member.Value is not JsonObject)
                    {
                        throw new QmpException("QMP input member 'arguments' must be an object");
                    }

                    break;
                case "id":
                    break;
                default:
                    throw new QmpException($"QMP input member '{member.Key}' is unexpected");
            }
        }

        if (execKey is null)
        {
            throw new QmpException("QMP input lacks member 'execute'");
        }

        return (name!, execKey == "exec-oob");
    }

    private static JsonObject Reply(JsonValue? id, JsonValue? result, QmpException? error)
    {
        var members = new List<(string, JsonValue)>();
        if (error is not null)
        {
            members.Add(("error", new JsonObject(
                ("class", new JsonString(error.ErrorClass.ToString())),
                ("desc", new JsonString(error.Message)))));
        }
        else
        {
            members.Add(("return", result ?? new JsonObject()));
        }

        if (id is not null)
        {
            members.Add(("id", id));
        }

        return (JsonObject)QDictOrder.Apply(new JsonObject(members.ToArray()));
    }
}
