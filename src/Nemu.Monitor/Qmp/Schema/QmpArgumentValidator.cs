// Argument checking as QEMU's generated marshallers do it through the QMP input visitor (qapi/qobject-input-visitor.c,
// qapi/qapi-visit-core.c, QEMU 7.2): members are visited in schema order (a missing mandatory member fails first),
// then the first member nobody visited is "unexpected". Texts checked against qemu-system-arm 7.2:
//   wrong JSON type         Invalid parameter type for 'caps[0].state', expected: boolean   (full path)
//   missing                 Parameter 'caps[0].state' is missing
//   unexpected              Parameter 'caps[0].x' is unexpected
//   uint64/size not a uint  Parameter 'max-bandwidth' expects uint64                         (negatives accepted)
//   intN/uintN range        Parameter 'compress-level' expects uint8_t                       (plain name)
//   enum value              Parameter 'panic' does not accept value 'bogus'                  (plain name, 'null' in a list)
// Not modelled: which of several unexpected members QEMU names (its GHashTable order; Nemu names the first in QDict
// order), QAPI 'default' values and deprecated-input policies.
using System.Globalization;
using Nemu.Monitor.Qmp.Json;

namespace Nemu.Monitor.Qmp.Schema;

/// <summary>Checks a command's <c>arguments</c> object against its <see cref="QmpObjectType"/>.</summary>
public static class QmpArgumentValidator
{
    /// <summary>Validates <paramref name="arguments"/>; throws <see cref="QmpException"/> (GenericError) with QEMU's text.</summary>
    public static void Validate(QmpObjectType? type, JsonObject arguments) =>
        VisitObjectMembers(type ?? QmpBuiltins.Empty, arguments, string.Empty);

    private static void VisitObjectMembers(QmpObjectType type, JsonObject value, string path)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal);
        VisitMembers(type.Members, value, path, visited);
        if (type.Tag is { } tag && type.Variants is { } variants && value[tag] is JsonString tagValue)
        {
            foreach (var (name, variant) in variants)
            {
                if (string.Equals(name, tagValue.Value, StringComparison.Ordinal))
                {
                    VisitMembers(variant.Members, value, path, visited);
                    break;
                }
            }
        }

        foreach (var member in QDictOrder.Apply(value) is JsonObject ordered ? ordered.Members : value.Members)
        {
            if (!visited.Contains(member.Key))
            {
                throw new QmpException($"Parameter '{Join(path, member.Key)}' is unexpected");
            }
        }
    }

    private static void VisitMembers(IReadOnlyList<QmpMember> members, JsonObject value, string path, HashSet<string> visited)
    {
        foreach (var member in members)
        {
            if (!visited.Add(member.Name))
            {
                continue;
            }

            if (!value.TryGetValue(member.Name, out var memberValue))
            {
                if (member.Optional)
                {
                    continue;
                }

                throw new QmpException($"Parameter '{Join(path, member.Name)}' is missing");
            }

            VisitValue(member.Type, memberValue, Join(path, member.Name), member.Name);
        }
    }

    // fullName is QEMU's full_name() (a.b[0].c); plainName is the visitor's name argument (null inside a list).
    private static void VisitValue(QmpType type, JsonValue value, string fullName, string? plainName)
    {
        switch (type)
        {
            case QmpBuiltinType builtin:
                VisitBuiltin(builtin, value, fullName, plainName);
                break;
            case QmpEnumType enumType:
                if (value is not JsonString s)
                {
                    throw InvalidType(fullName, "string");
                }

                if (!enumType.Values.Contains(s.Value, StringComparer.Ordinal))
                {
                    throw new QmpException($"Parameter '{plainName ?? "null"}' does not accept value '{s.Value}'");
                }

                break;
            case QmpArrayType array:
                if (value is not JsonArray items)
                {
                    throw InvalidType(fullName, "array");
                }

                for (var i = 0; i < items.Count; i++)
                {
                    VisitValue(array.Element, items[i], fullName + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", null);
                }

                break;
            case QmpObjectType objectType:
                if (value is not JsonObject obj)
                {
                    throw InvalidType(fullName, "object");
                }

                VisitObjectMembers(objectType, obj, fullName);
                break;
            case QmpAlternateType alternate:
                var choice = alternate.Members.FirstOrDefault(m => Accepts(m, value))
                    ?? throw new QmpException($"Invalid parameter type for '{plainName ?? "null"}', expected: {alternate.Name}");
                VisitValue(choice, value, fullName, plainName);
                break;
        }
    }

    // The alternate's member for a value's JSON type (QEMU picks by QType: one member per QType).
    private static bool Accepts(QmpType type, JsonValue value) => type switch
    {
        QmpBuiltinType b => b.JsonType switch
        {
            "string" => value is JsonString,
            "int" or "number" => value is JsonNumber,
            "boolean" => value is JsonBool,
            "null" => value is JsonNull,
            _ => true,
        },
        QmpEnumType => value is JsonString,
        QmpArrayType => value is JsonArray,
        QmpObjectType => value is JsonObject,
        _ => false,
    };

    private static void VisitBuiltin(QmpBuiltinType type, JsonValue value, string fullName, string? plainName)
    {
        switch (type.Name)
        {
            case "str":
                Require(value is JsonString, fullName, "string");
                return;
            case "bool":
                Require(value is JsonBool, fullName, "boolean");
                return;
            case "number":
                Require(value is JsonNumber, fullName, "number");
                return;
            case "null":
                Require(value is JsonNull, fullName, "null");
                return;
            case "any":
                return;
            case "int" or "int64":
                Require(value is JsonNumber n && n.TryGetInt64(out _), fullName, "integer");
                return;
            case "int8":
                SignedInRange(value, fullName, plainName, sbyte.MinValue, sbyte.MaxValue, "int8_t");
                return;
            case "int16":
                SignedInRange(value, fullName, plainName, short.MinValue, short.MaxValue, "int16_t");
                return;
            case "int32":
                SignedInRange(value, fullName, plainName, int.MinValue, int.MaxValue, "int32_t");
                return;
            case "uint64" or "size":
                UInt64Of(value, fullName);
                return;
            case "uint8":
                UnsignedInRange(value, fullName, plainName, byte.MaxValue, "uint8_t");
                return;
            case "uint16":
                UnsignedInRange(value, fullName, plainName, ushort.MaxValue, "uint16_t");
                return;
            case "uint32":
                UnsignedInRange(value, fullName, plainName, uint.MaxValue, "uint32_t");
                return;
        }

        // A builtin named otherwise: check the JSON type only.
        switch (type.JsonType)
        {
            case "string": Require(value is JsonString, fullName, "string"); break;
            case "int": Require(value is JsonNumber n && n.TryGetInt64(out _), fullName, "integer"); break;
            case "number": Require(value is JsonNumber, fullName, "number"); break;
            case "boolean": Require(value is JsonBool, fullName, "boolean"); break;
            case "null": Require(value is JsonNull, fullName, "null"); break;
        }
    }

    private static void SignedInRange(JsonValue value, string fullName, string? plainName, long min, long max, string cType)
    {
        if (value is not JsonNumber n || !n.TryGetInt64(out var v))
        {
            throw InvalidType(fullName, "integer");
        }

        if (v < min || v > max)
        {
            throw new QmpException($"Parameter '{plainName ?? "null"}' expects {cType}");
        }
    }

    private static void UnsignedInRange(JsonValue value, string fullName, string? plainName, ulong max, string cType)
    {
        if (UInt64Of(value, fullName) > max)
        {
            throw new QmpException($"Parameter '{plainName ?? "null"}' expects {cType}");
        }
    }

    // qobject_input_type_uint64: a uint64, or (for backward compatibility) any int64 taken modulo 2^64.
    private static ulong UInt64Of(JsonValue value, string fullName)
    {
        if (value is JsonNumber n)
        {
            if (n.TryGetUInt64(out var u))
            {
                return u;
            }

            if (n.TryGetInt64(out var i))
            {
                return unchecked((ulong)i);
            }
        }

        throw new QmpException($"Parameter '{fullName}' expects uint64");
    }

    private static void Require(bool ok, string fullName, string expected)
    {
        if (!ok)
        {
            throw InvalidType(fullName, expected);
        }
    }

    private static QmpException InvalidType(string fullName, string expected) =>
        new($"Invalid parameter type for '{fullName}', expected: {expected}");

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;
}
