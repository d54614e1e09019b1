using System.IO.Compression;
using System.Text;
using Nemu.Monitor.Qmp.Commands;
using Nemu.Monitor.Qmp.Json;
using Nemu.Monitor.Qmp.Schema;

namespace Nemu.Monitor.Tests.Qmp.Commands;

/// <summary>
/// The argument and return types declared by piece C's command records have QEMU 7.2's shape: member names,
/// optional flags, built-in types, enum values and nested structs, compared with the recorded query-qmp-schema
/// (Data/QmpCommands/qemu-7.2-virt-query-qmp-schema.json.gz, from issue7-ref).
/// </summary>
public sealed class CommandSchemaTests
{
    private static readonly Lazy<Dictionary<string, JsonObject>> Qemu = new(Load);

    public static TheoryData<string> Commands() =>
    [
        .. QueryCommands.All().Concat(QomCommands.All()).Concat(MemoryCommands.All()).Concat(DeviceCommands.All()).Concat(HumanMonitorCommands.All())
            .Select(c => c.Name),
    ];

    [Theory]
    [MemberData(nameof(Commands))]
    public void CommandTypesHaveQemusShape(string name)
    {
        var command = QmpCommandTable.All.First(c => c.Name == name);
        var qemu = Qemu.Value[name];
        Assert.Equal(Describe(qemu.Str("arg-type"), 0), command.Arguments is null ? Describe("0", 0) : Describe(command.Arguments, 0));
        Assert.Equal(Describe(qemu.Str("ret-type"), 0), command.Returns is null ? Describe("0", 0) : Describe(command.Returns, 0));
    }

    /// <summary>A QEMU schema type as text: builtins by name, arrays by element, objects by members (a few levels deep).</summary>
    private static string Describe(string typeName, int depth)
    {
        if (!Qemu.Value.TryGetValue(typeName, out var entry))
        {
            return typeName;
        }

        var text = new StringBuilder();
        switch (entry.Str("meta-type"))
        {
            case "builtin":
                return typeName;
            case "array":
                return "[" + Describe(entry.Str("element-type"), depth) + "]";
            case "enum":
                return "enum(" + string.Join(",", ((JsonArray)entry["values"]!).Items.Select(v => ((JsonString)v).Value)) + ")";
            case "object":
                if (depth > 3)
                {
                    return "object";
                }

                text.Append('{');
                foreach (var member in ((JsonArray)entry["members"]!).Items.Cast<JsonObject>())
                {
                    text.Append(member.Str("name")).Append(member["default"] is null ? string.Empty : "?").Append(':').Append(Describe(member.Str("type"), depth + 1)).Append(';');
                }

                if (entry["tag"] is JsonString tag)
                {
                    text.Append("tag=").Append(tag.Value).Append(';');
                    foreach (var variant in ((JsonArray)entry["variants"]!).Items.Cast<JsonObject>())
                    {
                        text.Append(variant.Str("case")).Append("=>").Append(Describe(variant.Str("type"), depth + 1)).Append(';');
                    }
                }

                return text.Append('}').ToString();
            default:
                return entry.Str("meta-type");
        }
    }

    private static string Describe(QmpType type, int depth)
    {
        switch (type)
        {
            case QmpBuiltinType builtin:
                return builtin.Name;
            case QmpArrayType array:
                return "[" + Describe(array.Element, depth) + "]";
            case QmpEnumType e:
                return "enum(" + string.Join(",", e.Values) + ")";
            case QmpObjectType obj:
                if (depth > 3)
                {
                    return "object";
                }

                var text = new StringBuilder("{");
                foreach (var member in obj.Members)
                {
                    text.Append(member.Name).Append(member.Optional ? "?" : string.Empty).Append(':').Append(Describe(member.Type, depth + 1)).Append(';');
                }

                if (obj.Tag is not null)
                {
                    text.Append("tag=").Append(obj.Tag).Append(';');
                    foreach (var (name, variant) in obj.Variants!)
                    {
                        text.Append(name).Append("=>").Append(Describe(variant, depth + 1)).Append(';');
                    }
                }

                return text.Append('}').ToString();
            default:
                return type.Name;
        }
    }

    private static Dictionary<string, JsonObject> Load()
    {
        using var file = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Data", "QmpCommands", "qemu-7.2-virt-query-qmp-schema.json.gz"));
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        gzip.CopyTo(buffer);
        var reply = (JsonObject)JsonMessageParser.ParseAll(buffer.ToArray())[0].Value!;
        return ((JsonArray)reply["return"]!).Items.Cast<JsonObject>().ToDictionary(e => e.Str("name"));
    }
}

internal static class SchemaJson
{
    public static string Str(this JsonObject obj, string name) => ((JsonString)obj[name]!).Value;
}
