// Implements QMP qom-list, qom-get and qom-set of QEMU 7.2 (qom/qom-qmp-cmds.c) over the QOM view of
// MachineQom/QomTree: an unknown path is DeviceNotFound "Device 'PATH' not found"; an unknown property is
// "Property 'TYPE.NAME' not found"; a value of the wrong JSON type is "Invalid parameter type for 'NAME', expected:
// string" (qobject input visitor); a read-only property is "Property 'TYPE.NAME' is not writable".
// qom-list returns ObjectPropertyInfo {name, type} in the view's order (QEMU iterates a hash table: same set,
// other order). The view is rebuilt per command from the current device tree.
using Nemu.Monitor.Qmp.Json;
using Nemu.Monitor.Qmp.Schema;
using Nemu.Qdev.Qom;

namespace Nemu.Monitor.Qmp.Commands;

/// <summary>The QMP commands: qom-list, qom-get, qom-set (piece C).</summary>
public static class QomCommands
{
    public static QmpObjectType ObjectPropertyInfo { get; } = new("ObjectPropertyInfo",
    [
        new("name", QmpTypes.Str), new("type", QmpTypes.Str), new("description", QmpTypes.Str, true), new("default-value", QmpTypes.Any, true),
    ]);

    /// <summary>The command records of this group.</summary>
    public static IEnumerable<QmpCommand> All() =>
    [
        new("qom-list", QmpTypes.Arguments("qom-list", new QmpMember("path", QmpTypes.Str)), new QmpArrayType(ObjectPropertyInfo), List),
        new("qom-get", QmpTypes.Arguments("qom-get", new("path", QmpTypes.Str), new("property", QmpTypes.Str)), QmpTypes.Any, Get),
        new("qom-set", QmpTypes.Arguments("qom-set", new("path", QmpTypes.Str), new("property", QmpTypes.Str), new("value", QmpTypes.Any)), QmpTypes.Empty, Set),
    ];

    /// <summary>Converts a QOM value (bool, long, ulong, string, null, name/value list) to JSON.</summary>
    public static JsonValue ToJson(object? value) => value switch
    {
        null => JsonNull.Instance,
        bool b => JsonBool.From(b),
        long l => JsonNumber.FromInt64(l),
        int i => JsonNumber.FromInt64(i),
        ulong u => JsonNumber.FromUInt64(u),
        string s => new JsonString(s),
        IEnumerable<KeyValuePair<string, object?>> members => new JsonObject(members.Select(m => new KeyValuePair<string, JsonValue>(m.Key, ToJson(m.Value)))),
        _ => new JsonString(value.ToString() ?? string.Empty),
    };

    /// <summary>Converts a JSON value to what QOM setters take.</summary>
    public static object? FromJson(JsonValue value) => value switch
    {
        JsonBool b => b.Value,
        JsonString s => s.Value,
        JsonNumber n when n.TryGetInt64(out var l) => l,
        JsonNumber n when n.TryGetUInt64(out var u) => u,
        JsonNumber n => n.AsDouble(),
        JsonNull => null,
        _ => value,
    };

    private static JsonValue List(QmpContext context, JsonObject args)
    {
        var obj = Resolve(context, QmpTypes.String(args, "path"));
        return new JsonArray(obj.Properties.Select(p => (JsonValue)new JsonObject(("name", new JsonString(p.Name)), ("type", new JsonString(p.Type)))));
    }

    private static JsonValue Get(QmpContext context, JsonObject args)
    {
        var obj = Resolve(context, QmpTypes.String(args, "path"));
        return Run(() => ToJson(obj.Get(QmpTypes.String(args, "property"))));
    }

    private static JsonValue Set(QmpContext context, JsonObject args)
    {
        var obj = Resolve(context, QmpTypes.String(args, "path"));
        var value = args["value"] ?? throw new QmpException("Parameter 'value' is missing");
        return Run(() =>
        {
            obj.Set(QmpTypes.String(args, "property"), FromJson(value));
            return new JsonObject();
        });
    }

    private static QomObject Resolve(QmpContext context, string path) =>
        MachineQom.Build(context.Machine).Resolve(path) ?? throw new QmpException(QmpErrorClass.DeviceNotFound, $"Device '{path}' not found");

    private static JsonValue Run(Func<JsonValue> action)
    {
        try
        {
            return action();
        }
        catch (QomException e)
        {
            throw new QmpException(e.IsNotFound ? QmpErrorClass.DeviceNotFound : QmpErrorClass.GenericError, e.Message);
        }
    }
}
