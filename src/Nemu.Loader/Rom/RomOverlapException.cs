namespace Nemu.Loader.Rom;

/// <summary>
/// Blobs overlap (QEMU: "Some ROM regions are overlapping"). <see cref="Exception.Message"/> is the error line;
/// <see cref="Details"/> the explanation and the overlapping pairs QEMU prints after it (error_printf, no prefix).
/// </summary>
public sealed class RomOverlapException : Exception
{
    public RomOverlapException(string message, string details)
        : base(message)
    {
        Details = details;
    }

    /// <summary>The lines printed after the error line, without trailing newline.</summary>
    public string Details { get; }
}
