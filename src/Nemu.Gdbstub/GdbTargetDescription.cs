// The target description served through qXfer:features:read (QEMU gdbstub.c gdb_get_core_xml_file/xml_builtin and
// target/arm/gdbstub.c's dynamic features; management.md §5.3). Texts are generated from GdbRegisterMap in QEMU 10.0's
// shape: target.xml and the dynamic features are one line without whitespace; the static files (arm-m-profile.xml,
// arm-vfp.xml) are indented as QEMU's gdb-xml files but without their copyright comments (gdb ignores comments; the
// parsed description, as `maint print xml-tdesc` shows it, is the same).
using System.Text;

namespace Nemu.Gdbstub;

/// <summary>The XML annexes for one register map.</summary>
public sealed class GdbTargetDescription
{
    private const string XmlHeader = "<?xml version=\"1.0\"?>";
    private const string FeatureDoctype = "<!DOCTYPE feature SYSTEM \"gdb-target.dtd\">";
    private readonly Dictionary<string, string> _annexes = new(StringComparer.Ordinal);

    public GdbTargetDescription(GdbRegisterMap map)
    {
        var target = new StringBuilder(XmlHeader)
            .Append("<!DOCTYPE target SYSTEM \"gdb-target.dtd\"><target><architecture>arm</architecture>");
        foreach (var feature in map.Features)
        {
            target.Append("<xi:include href=\"").Append(feature.Annex).Append("\"/>");
            _annexes[feature.Annex] = feature.Dynamic ? DynamicFeature(feature) : StaticFeature(feature);
        }

        _annexes["target.xml"] = target.Append("</target>").ToString();
    }

    /// <summary>The text of <paramref name="annex"/>, or null when there is no such annex.</summary>
    public string? Find(string annex) => _annexes.TryGetValue(annex, out var text) ? text : null;

    private static string DynamicFeature(GdbFeature feature)
    {
        var sb = new StringBuilder(XmlHeader).Append(FeatureDoctype).Append("<feature name=\"").Append(feature.Name).Append("\">");
        foreach (var r in feature.Registers)
        {
            sb.Append("<reg name=\"").Append(r.Name).Append("\" bitsize=\"").Append(r.BitSize).Append("\" regnum=\"")
                .Append(r.Regnum).Append("\" type=\"").Append(r.Type).Append("\"/>");
        }

        return sb.Append("</feature>").ToString();
    }

    private static string StaticFeature(GdbFeature feature)
    {
        var sb = new StringBuilder(XmlHeader).Append('\n').Append(FeatureDoctype).Append('\n')
            .Append("<feature name=\"").Append(feature.Name).Append("\">\n");
        var expectedRegnum = feature.Registers.Count > 0 ? feature.Registers[0].Regnum : 0;
        foreach (var r in feature.Registers)
        {
            if (r.Name == "fpscr")
            {
                sb.Append('\n');
            }

            sb.Append("  <reg name=\"").Append(r.Name).Append("\" bitsize=\"").Append(r.BitSize).Append('"');
            if (r.Type is not null)
            {
                sb.Append(" type=\"").Append(r.Type).Append('"');
            }

            if (r.Name == "fpscr")
            {
                sb.Append(" group=\"float\"");
            }

            // Static files number implicitly; only a gap (xpsr after the FPA registers) is written.
            if (r.Regnum != expectedRegnum && feature.Registers[0].Regnum == 0)
            {
                sb.Append(" regnum=\"").Append(r.Regnum).Append('"');
            }

            sb.Append("/>\n");
            expectedRegnum = r.Regnum + 1;
        }

        return sb.Append("</feature>\n").ToString();
    }
}
