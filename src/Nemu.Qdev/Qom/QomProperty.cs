// A QOM property (qom/object.c ObjectProperty): name, type string as qom-list prints it (`string`, `bool`,
// `uint32`, `child<T>`, `link<T>`...), and optional accessors. Values are plain .NET data: bool, long, ulong,
// string, null, or an IReadOnlyList<KeyValuePair<string, object?>> for a QAPI struct; the monitor converts them.
namespace Nemu.Qdev.Qom;

/// <summary>One property of a <see cref="QomObject"/>.</summary>
public sealed class QomProperty
{
    public QomProperty(string name, string type, Func<object?>? getter = null, Action<object?>? setter = null)
    {
        Name = name;
        Type = type;
        Getter = getter;
        Setter = setter;
    }

    public string Name { get; }

    /// <summary>The type as qom-list reports it.</summary>
    public string Type { get; }

    /// <summary>Reads the value; null when the property cannot be read.</summary>
    public Func<object?>? Getter { get; }

    /// <summary>Stores a value, throwing <see cref="QomException"/> with QEMU's message; null for read-only properties.</summary>
    public Action<object?>? Setter { get; }

    /// <summary>The child object of a <c>child&lt;T&gt;</c> property.</summary>
    public QomObject? Child { get; init; }

    /// <summary>The target of a <c>link&lt;T&gt;</c> property (null when unset).</summary>
    public Func<QomObject?>? LinkTarget { get; init; }

    /// <summary>A <c>str</c>/<c>string</c> property over a getter and an optional setter.</summary>
    public static QomProperty String(string name, Func<string?> getter, Action<string>? setter = null, string type = "string") =>
        new(name, type, () => getter(), setter is null ? null : value => setter(RequireString(name, value)));

    /// <summary>A <c>bool</c> property.</summary>
    public static QomProperty Bool(string name, Func<bool> getter, Action<bool>? setter = null) =>
        new(name, "bool", () => getter(), setter is null ? null : value => setter(value is bool b ? b : throw Expected(name, "boolean")));

    /// <summary>The error of a value of the wrong JSON type (qobject-input-visitor's wording).</summary>
    public static QomException Expected(string name, string what) => new($"Invalid parameter type for '{name}', expected: {what}");

    private static string RequireString(string name, object? value) => value as string ?? throw Expected(name, "string");
}
