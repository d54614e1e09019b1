// Implements: management.md §4.3 load rules (version checks, truncated or corrupt section bodies).
// Not modelled: QEMU's negative errno return codes; every load failure is this one exception type.
namespace Nemu.Core.State;

/// <summary>
/// A saved device state could not be loaded: wrong version, truncated or corrupt bytes, or an unknown
/// subsection. The message names the description and field, in the spirit of QEMU's error_report lines.
/// </summary>
public sealed class StateLoadException : Exception
{
    public StateLoadException(string message)
        : base(message)
    {
    }

    public StateLoadException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public StateLoadException()
    {
    }

    /// <summary>True once the message names the description (and field) it came from.</summary>
    internal bool HasContext { get; init; }
}
