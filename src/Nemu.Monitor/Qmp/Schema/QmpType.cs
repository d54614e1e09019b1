// The QAPI schema as data (QEMU qapi/introspect.json SchemaInfo; management.md §2.5). Commands, events and the
// types they use are records; query-qmp-schema is generated from them and argument validation reads them.
namespace Nemu.Monitor.Qmp.Schema;

/// <summary>A QAPI type. <see cref="Name"/> is the schema name (QEMU prints anonymous types under numbers).</summary>
public abstract record QmpType(string Name);

/// <summary>A built-in type (<c>int</c>, <c>str</c>, <c>bool</c>, <c>number</c>, <c>any</c>, <c>null</c>, <c>size</c>, <c>uint64</c>...) with its JSON type.</summary>
public sealed record QmpBuiltinType(string Name, string JsonType) : QmpType(Name);

/// <summary>An enumeration; its values in schema order.</summary>
public sealed record QmpEnumType(string Name, IReadOnlyList<string> Values) : QmpType(Name);

/// <summary>A list of <see cref="Element"/>; QAPI names it <c>[Element]</c>.</summary>
public sealed record QmpArrayType(QmpType Element) : QmpType("[" + Element.Name + "]");

/// <summary>One member of an object type.</summary>
public sealed record QmpMember(string Name, QmpType Type, bool Optional = false);

/// <summary>
/// A struct or union: members, and for a union the tag member and the variant type per tag value.
/// <paramref name="Name"/> may be null-like (empty) for the implicit argument type of a command.
/// </summary>
public sealed record QmpObjectType(string Name, IReadOnlyList<QmpMember> Members, string? Tag = null,
    IReadOnlyList<(string Case, QmpObjectType Variant)>? Variants = null) : QmpType(Name);

/// <summary>An alternate: a value of any one of <see cref="Members"/>.</summary>
public sealed record QmpAlternateType(string Name, IReadOnlyList<QmpType> Members) : QmpType(Name);
