// QAPI's built-in types (scripts/qapi/schema.py QAPISchema._def_predefineds) with their introspection JSON
// types. Integer types all show as "int" in query-qmp-schema, but validation keeps their ranges and QEMU's
// error texts (qapi/qobject-input-visitor.c, qapi/qapi-visit-core.c).
namespace Nemu.Monitor.Qmp.Schema;

/// <summary>The built-in QAPI types, shared by every command record.</summary>
public static class QmpBuiltins
{
    public static QmpBuiltinType Str { get; } = new("str", "string");

    public static QmpBuiltinType Int { get; } = new("int", "int");

    public static QmpBuiltinType Int8 { get; } = new("int8", "int");

    public static QmpBuiltinType Int16 { get; } = new("int16", "int");

    public static QmpBuiltinType Int32 { get; } = new("int32", "int");

    public static QmpBuiltinType Int64 { get; } = new("int64", "int");

    public static QmpBuiltinType UInt8 { get; } = new("uint8", "int");

    public static QmpBuiltinType UInt16 { get; } = new("uint16", "int");

    public static QmpBuiltinType UInt32 { get; } = new("uint32", "int");

    public static QmpBuiltinType UInt64 { get; } = new("uint64", "int");

    public static QmpBuiltinType Size { get; } = new("size", "int");

    public static QmpBuiltinType Number { get; } = new("number", "number");

    public static QmpBuiltinType Bool { get; } = new("bool", "boolean");

    public static QmpBuiltinType Null { get; } = new("null", "null");

    public static QmpBuiltinType Any { get; } = new("any", "value");

    /// <summary>The empty object (QAPI's <c>q_empty</c>): arguments or return of commands without any.</summary>
    public static QmpObjectType Empty { get; } = new("q_empty", []);
}
