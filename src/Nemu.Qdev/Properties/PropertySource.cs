// Implements: the two ways QEMU parses property text, which word their errors differently:
// keyval/QObject input for -device (qobject-input-visitor.c) and the string input visitor for -global.
namespace Nemu.Qdev.Properties;

/// <summary>Where a property value comes from; it selects QEMU's error wording for bad numbers.</summary>
public enum PropertySource
{
    /// <summary><c>-device</c> options (keyval): "Parameter 'x' expects integer".</summary>
    Device,

    /// <summary><c>-global</c> defaults and board code (string input visitor): "Parameter 'x' expects uint64".</summary>
    Global,
}
