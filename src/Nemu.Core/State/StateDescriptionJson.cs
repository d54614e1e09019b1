// Implements: management.md §4.4 vmdesc: {"vmsd_name","version","fields":[{"name",["array_len"],"type",["struct"],"size"}],"subsections"}.
// Sizes are encoded sizes of one element (QEMU uses the C sizeof; for a struct we use its encoded field bytes).
using System.Text;
using System.Text.Json;

namespace Nemu.Core.State;

/// <summary>Writes a description as QEMU's vmdesc JSON, for migration streams and the monitor.</summary>
internal static class StateDescriptionJson
{
    public static string ToJson(IStateDescription description)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            Write(description, writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void Write(IStateDescription description, Utf8JsonWriter writer)
    {
        writer.WriteString("vmsd_name", description.Name);
        writer.WriteNumber("version", description.VersionId);
        writer.WriteStartArray("fields");
        foreach (var field in description.Fields)
        {
            writer.WriteStartObject();
            writer.WriteString("name", field.Name);
            if (field.ArrayLength is { } length)
            {
                writer.WriteNumber("array_len", length);
            }

            writer.WriteString("type", field.TypeName);
            if (field.Struct is { } nested)
            {
                writer.WriteStartObject("struct");
                Write(nested, writer);
                writer.WriteEndObject();
            }

            writer.WriteNumber("size", field.Size);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (description.Subsections.Count == 0)
        {
            return;
        }

        writer.WriteStartArray("subsections");
        foreach (var sub in description.Subsections)
        {
            writer.WriteStartObject();
            Write(sub, writer);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>Encoded bytes of one instance of <paramref name="description"/>'s fields (subsections excluded).</summary>
    public static int EncodedSize(IStateDescription description)
    {
        var total = 0;
        foreach (var field in description.Fields)
        {
            total += field.Size * (field.ArrayLength ?? 1);
        }

        return total;
    }
}
