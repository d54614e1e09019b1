// The types of query-qmp-schema's own return value (QEMU qapi/introspect.json): SchemaInfo, a union on meta-type.
namespace Nemu.Monitor.Qmp.Schema;

/// <summary>SchemaInfo and its variant types, as declared in qapi/introspect.json.</summary>
public static class QmpIntrospectionTypes
{
    private static readonly QmpArrayType Features = new(QmpBuiltins.Str);

    private static readonly QmpEnumType SchemaMetaType = new("SchemaMetaType",
        ["builtin", "enum", "array", "object", "alternate", "command", "event"]);

    private static readonly QmpEnumType JsonType = new("JSONType",
        ["string", "number", "int", "boolean", "null", "object", "array", "value"]);

    /// <summary>SchemaInfo.</summary>
    public static QmpObjectType SchemaInfo { get; } = new("SchemaInfo",
        [new("name", QmpBuiltins.Str), new("meta-type", SchemaMetaType), new("features", Features, Optional: true)],
        "meta-type",
        [
            ("builtin", new QmpObjectType("SchemaInfoBuiltin", [new("json-type", JsonType)])),
            ("enum", new QmpObjectType("SchemaInfoEnum",
            [
                new("members", new QmpArrayType(new QmpObjectType("SchemaInfoEnumMember",
                    [new("name", QmpBuiltins.Str), new("features", Features, Optional: true)]))),
                new("values", new QmpArrayType(QmpBuiltins.Str)),
            ])),
            ("array", new QmpObjectType("SchemaInfoArray", [new("element-type", QmpBuiltins.Str)])),
            ("object", new QmpObjectType("SchemaInfoObject",
            [
                new("members", new QmpArrayType(new QmpObjectType("SchemaInfoObjectMember",
                [
                    new("name", QmpBuiltins.Str), new("type", QmpBuiltins.Str), new("default", QmpBuiltins.Any, Optional: true),
                    new("features", Features, Optional: true),
                ]))),
                new("tag", QmpBuiltins.Str, Optional: true),
                new("variants", new QmpArrayType(new QmpObjectType("SchemaInfoObjectVariant",
                    [new("case", QmpBuiltins.Str), new("type", QmpBuiltins.Str)])), Optional: true),
            ])),
            ("alternate", new QmpObjectType("SchemaInfoAlternate",
                [new("members", new QmpArrayType(new QmpObjectType("SchemaInfoAlternateMember", [new("type", QmpBuiltins.Str)])))])),
            ("command", new QmpObjectType("SchemaInfoCommand",
                [new("arg-type", QmpBuiltins.Str), new("ret-type", QmpBuiltins.Str), new("allow-oob", QmpBuiltins.Bool, Optional: true)])),
            ("event", new QmpObjectType("SchemaInfoEvent", [new("arg-type", QmpBuiltins.Str)])),
        ]);
}
