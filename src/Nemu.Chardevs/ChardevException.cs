// Errors from creating or opening a chardev, with QEMU's wording (chardev/char.c, char-socket.c).
namespace Nemu.Chardevs;

/// <summary>
/// Bad chardev options or a failed open. <see cref="Exception.Message"/> is the one-line text the
/// command line prints after its <c>nemu-system-arm: -chardev ...: </c> prefix.
/// </summary>
public sealed class ChardevException : Exception
{
    public ChardevException(string message)
        : base(message)
    {
    }

    public ChardevException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
