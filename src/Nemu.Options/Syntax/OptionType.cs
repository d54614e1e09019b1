// Implements: QEMU's QemuOptType (include/qemu/option.h): how a parameter value is checked.
namespace Nemu.Options.Syntax;

/// <summary>The type of a parameter in an <see cref="OptionGroup"/> (QEMU's QEMU_OPT_*).</summary>
public enum OptionType
{
    /// <summary>Any text.</summary>
    String,

    /// <summary><c>on</c>/<c>off</c> (also yes/no, true/false, y/n).</summary>
    Bool,

    /// <summary>An unsigned integer: decimal, <c>0x</c> hex or leading-0 octal.</summary>
    Number,

    /// <summary>A byte size with optional k/M/G/T/P/E suffix.</summary>
    Size,
}
