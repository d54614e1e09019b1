// Implements: QEMU's qdev_prop_pci_devfn (hw/core/qdev-properties-system.c set_pci_devfn / print_pci_devfn):
// "SLOT[.FN]" in hex, slot 0-0x1f, function 0-7; stored as devfn (slot << 3 | fn), -1 = first free slot.
// qtree prints "%02x.%x" ("<unset>" for -1). Deviation: a malformed value reports "Parameter 'addr' expects
// ..." instead of QEMU's "Property 'T.addr' doesn't take value '...'" (the qdev codec surface has no such outcome).
using System.Globalization;
using Nemu.Qdev.Properties;

namespace Nemu.Pci;

/// <summary>The <c>addr</c> property codec of every PCI function.</summary>
public sealed class PciDeviceAddrCodec : PropertyCodec<int>
{
    public static PciDeviceAddrCodec Instance { get; } = new();

    public override string TypeName => "int32";

    /// <summary>print_pci_devfn: the device gets QOM <c>legacy-addr</c> ("01.0").</summary>
    public override bool HasLegacyPrint => true;

    public override ParseOutcome Parse(string text, out int value)
    {
        value = -1;
        if (text == "-1")
        {
            return ParseOutcome.Ok;
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var slotText = dot < 0 ? text : text[..dot];
        if (!TryHex(slotText, out var slot) || slot > 0x1f)
        {
            return ParseOutcome.Syntax;
        }

        var fn = 0u;
        if (dot >= 0 && (!TryHex(text[(dot + 1)..], out fn) || fn > 7))
        {
            return ParseOutcome.Syntax;
        }

        value = (int)((slot << 3) | fn);
        return ParseOutcome.Ok;
    }

    public override string Expects(ParseOutcome outcome, PropertySource source) => "a PCI address (SLOT[.FN], example: 06.0 or 06)";

    public override string Print(int value) => value < 0 ? "<unset>" : $"{value >> 3:x2}.{value & 7:x}";

    public override string DefaultJson(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static bool TryHex(string text, out uint value)
    {
        // strtoul base 16 accepts an optional 0x prefix.
        var digits = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
        return uint.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value) && digits.Length != 0;
    }
}
