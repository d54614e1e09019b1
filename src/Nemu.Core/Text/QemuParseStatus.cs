// The three outcomes of QEMU's util/cutils.c number parsers (qemu_strtou64, qemu_strtoi64, qemu_strtosz):
// 0, -EINVAL and -ERANGE. Callers turn them into their own QEMU error texts.
namespace Nemu.Core.Text;

/// <summary>Outcome of a QEMU number parse (QEMU's 0 / -EINVAL / -ERANGE).</summary>
public enum QemuParseStatus
{
    /// <summary>The whole text was a valid number (0).</summary>
    Ok,

    /// <summary>No number, trailing junk, or a form QEMU refuses (-EINVAL).</summary>
    Invalid,

    /// <summary>A well-formed number that does not fit (-ERANGE).</summary>
    OutOfRange,
}
