// Implements: management.md §1.2 user-facing qdev errors; messages are QEMU 7.2's texts without the
// "-device ...: " location prefix, which the command-line layer adds.
namespace Nemu.Qdev;

/// <summary>
/// A device could not be created, configured or realized because of user input (bad option, unknown
/// property or type, duplicate id) or a realize-time check. The message is QEMU's wording.
/// </summary>
public sealed class QdevException : Exception
{
    public QdevException(string message)
        : base(message)
    {
    }

    public QdevException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public QdevException()
    {
    }
}
