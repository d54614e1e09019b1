// The QAPI built-in types and the helpers the command groups of piece C share (qapi/introspect.json: builtin
// `int` is JSON "int", `str` "string", `bool` "boolean", `any` "value"). Argument types are QEMU's implicit
// `q_obj_<command>-arg` structs; query-qmp-schema prints every type under a number anyway.
using Nemu.Monitor.Qmp.Json;
using Nemu.Monitor.Qmp.Schema;

namespace Nemu.Monitor.Qmp.Commands;

/// <summary>Built-in QAPI types and argument accessors for the command handlers.</summary>
public static class QmpTypes
{
    public static QmpBuiltinType Int { get; } = new("int", "int");

    public static QmpBuiltinType Str { get; } = new("str", "string");

    public static QmpBuiltinType Bool { get; } = new("bool", "boolean");

    public static QmpBuiltinType Any { get; } = new("any", "value");

    /// <summary>The empty struct QEMU uses for commands that return <c>{}</c> and take no arguments.</summary>
    public static QmpObjectType Empty { get; } = new("q_empty", []);

    /// <summary>QEMU's SysEmuTarget enumeration (qapi/machine.json), in schema order.</summary>
    public static QmpEnumType SysEmuTarget { get; } = new("SysEmuTarget",
    [
        "aarch64", "alpha", "arm", "avr", "cris", "hppa", "i386", "loongarch64", "m68k", "microblaze", "microblazeel",
        "mips", "mips64", "mips64el", "mipsel", "nios2", "or1k", "ppc", "ppc64", "riscv32", "riscv64", "rx", "s390x",
        "sh4", "sh4eb", "sparc", "sparc64", "tricore", "x86_64", "xtensa", "xtensaeb",
    ]);

    /// <summary>The implicit argument struct of <paramref name="command"/> (QEMU's <c>q_obj_COMMAND-arg</c>).</summary>
    public static QmpObjectType Arguments(string command, params QmpMember[] members) => new($"q_obj_{command}-arg", members);

    /// <summary>A required string argument (the server has checked presence and type).</summary>
    public static string String(JsonObject args, string name) =>
        args[name] is JsonString s ? s.Value : throw new QmpException($"Invalid parameter type for '{name}', expected: string");

    /// <summary>An optional string argument.</summary>
    public static string? OptionalString(JsonObject args, string name) => args[name] switch
    {
        null => null,
        JsonString s => s.Value,
        _ => throw new QmpException($"Invalid parameter type for '{name}', expected: string"),
    };

    /// <summary>A required int argument (QAPI <c>int</c> is int64; a uint64 above INT64_MAX is refused as QEMU does).</summary>
    public static long Integer(JsonObject args, string name) =>
        OptionalInteger(args, name) ?? throw new QmpException($"Parameter '{name}' is missing");

    /// <summary>An optional int argument.</summary>
    public static long? OptionalInteger(JsonObject args, string name) => args[name] switch
    {
        null => null,
        JsonNumber n when n.TryGetInt64(out var value) => value,
        _ => throw new QmpException($"Invalid parameter type for '{name}', expected: integer"),
    };
}
