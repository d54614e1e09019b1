namespace Nemu.System.Vl;

/// <summary>
/// A start-up error of the command line's meaning (unknown machine, bad property, missing backend):
/// printed as <c>nemu-system-arm: [LOCATION: ]MESSAGE</c> and the process exits 1, as QEMU's error_report does.
/// <see cref="Location"/> is the offending option as typed (<c>-device foo,x=1</c>) when QEMU names it.
/// </summary>
public sealed class VlException(string message, string? location = null) : Exception(message)
{
    public string? Location { get; } = location;

    /// <summary>The stderr text, every line prefixed as QEMU prefixes the first.</summary>
    public string Format(string programName)
    {
        var prefix = Location is null ? $"{programName}: " : $"{programName}: {Location}: ";
        var lines = Message.Split('\n');
        return prefix + lines[0] + (lines.Length > 1 ? "\n" + string.Join('\n', lines[1..]) : string.Empty);
    }
}
