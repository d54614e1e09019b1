// Implements: the user-facing load errors of QEMU's -kernel and -device loader paths (hw/arm/armv7m.c,
// hw/core/generic-loader.c), with QEMU's exact wording.
namespace Nemu.Loader;

/// <summary>
/// A load failed. <see cref="Exception.Message"/> is QEMU's error text without program name or location
/// (e.g. <c>Could not load kernel 'fw.elf'</c>); <see cref="Detail"/> is a line QEMU prints before it (perror
/// style <c>fw.elf: No such file or directory</c>), or null. The System layer exits 1.
/// </summary>
public sealed class LoaderException : Exception
{
    public LoaderException(string message, string? detail = null, Exception? inner = null)
        : base(message, inner)
    {
        Detail = detail;
    }

    /// <summary>A line printed before the error (no program prefix), or null.</summary>
    public string? Detail { get; }
}
