// QMP introspection and negotiation commands (QEMU qapi/control.json, qapi/introspect.json, monitor/qmp-cmds-control.c,
// management.md §2.2, §2.5): qmp_capabilities (per-session negotiation, "oob" the only capability), query-version
// (Nemu's own version numbers in QEMU's VersionInfo shape), query-commands (every command, newest registration
// first as QEMU's list), query-qmp-schema (generated from the command and event records).
using Nemu.Core;
using Nemu.Monitor.Qmp.Json;
using Nemu.Monitor.Qmp.Schema;

namespace Nemu.Monitor.Qmp.Commands;

/// <summary>The QMP commands: query-commands, query-qmp-schema, query-version, qmp_capabilities as a schema entry (piece Q).</summary>
public static class SchemaCommands
{
    /// <summary>QMPCapability.</summary>
    public static QmpEnumType QmpCapability { get; } = new("QMPCapability", ["oob"]);

    /// <summary>VersionTriple.</summary>
    public static QmpObjectType VersionTriple { get; } = new("VersionTriple",
        [new("major", QmpBuiltins.Int), new("minor", QmpBuiltins.Int), new("micro", QmpBuiltins.Int)]);

    /// <summary>VersionInfo.</summary>
    public static QmpObjectType VersionInfoType { get; } = new("VersionInfo",
        [new("qemu", VersionTriple), new("package", QmpBuiltins.Str)]);

    /// <summary>CommandInfo.</summary>
    public static QmpObjectType CommandInfo { get; } = new("CommandInfo", [new("name", QmpBuiltins.Str)]);

    /// <summary>The command records of this group.</summary>
    public static IEnumerable<QmpCommand> All() =>
    [
        new("qmp_capabilities", new QmpObjectType(string.Empty, [new("enable", new QmpArrayType(QmpCapability), Optional: true)]),
            null, Capabilities, AllowPreconfig: true),
        new("query-version", null, VersionInfoType, (_, _) => VersionInfo(), AllowPreconfig: true),
        new("query-commands", null, new QmpArrayType(CommandInfo), QueryCommands, AllowPreconfig: true),
        new("query-qmp-schema", null, new QmpArrayType(QmpIntrospectionTypes.SchemaInfo), QuerySchema, AllowPreconfig: true),
    ];

    /// <summary>query-version's value: Nemu's version as major/minor/micro, package "Nemu X.Y.Z".</summary>
    public static JsonObject VersionInfo()
    {
        var version = Version.TryParse(NemuVersion.Text, out var v) ? v : new Version(0, 0, 0);
        return new JsonObject(
            ("qemu", new JsonObject(
                ("major", JsonNumber.FromInt64(version.Major)),
                ("minor", JsonNumber.FromInt64(version.Minor)),
                ("micro", JsonNumber.FromInt64(Math.Max(version.Build, 0))))),
            ("package", new JsonString("Nemu " + NemuVersion.Text)));
    }

    /// <summary>query-commands for <paramref name="commands"/> (registration order): QEMU lists the newest first.</summary>
    public static JsonArray CommandList(IReadOnlyList<QmpCommand> commands) =>
        new(commands.Reverse().Select(c => (JsonValue)new JsonObject(("name", new JsonString(c.Name)))));

    // qmp_capabilities: only in negotiation mode; "Capability 'x' not available" for one not offered.
    private static JsonValue Capabilities(QmpContext context, JsonObject arguments)
    {
        var session = context.Session ?? throw new QmpException("qmp_capabilities needs a monitor session");
        if (session.Negotiated)
        {
            throw new QmpException(QmpErrorClass.CommandNotFound, "Capabilities negotiation is already complete, command ignored");
        }

        var oob = false;
        if (arguments["enable"] is JsonArray enable)
        {
            foreach (var capability in enable.Items.OfType<JsonString>())
            {
                if (capability.Value == "oob")
                {
                    if (!session.OobOffered)
                    {
                        throw new QmpException("Capability 'oob' not available");
                    }

                    oob = true;
                }
            }
        }

        session.OobEnabled = oob;
        session.Negotiated = true;
        return new JsonObject();
    }

    private static JsonValue QueryCommands(QmpContext context, JsonObject arguments) =>
        CommandList(context.Dispatcher?.Commands ?? QmpCommandTable.All);

    private static JsonValue QuerySchema(QmpContext context, JsonObject arguments) =>
        QmpSchemaIntrospection.Generate(context.Dispatcher?.Commands ?? QmpCommandTable.All, QmpEvents.All);
}
