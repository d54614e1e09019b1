// Implements: the two failure classes of QEMU's property visitors (bad syntax vs. out of range).
namespace Nemu.Qdev.Properties;

/// <summary>Result of parsing property text.</summary>
public enum ParseOutcome
{
    Ok,

    /// <summary>Not a number / boolean / size at all.</summary>
    Syntax,

    /// <summary>A number that does not fit the property's width ("expects uint8_t").</summary>
    Range,

    /// <summary>A well-formed value the property refuses (e.g. an unknown chardev id).</summary>
    NotFound,
}
