// Implements: management.md §1.1/§1.2, the error reporting of QEMU's command line (util/qemu-error.c
// error_report with a command-line location). Not modelled: -msg timestamp prefixes (System layer).
namespace Nemu.Options;

/// <summary>
/// A command-line error, as QEMU reports it: <c>PROGRAM: LOCATION: MESSAGE</c> plus optional hint lines.
/// <see cref="Exception.Message"/> is the one-line text <b>without</b> the program name and without the
/// location; <see cref="Format"/> builds the full stderr text. The process exits with <see cref="ExitCode"/>.
/// </summary>
public sealed class OptionsException : Exception
{
    /// <summary>Exit status QEMU uses for every command-line error (<c>exit(1)</c>).</summary>
    public const int ExitCode = 1;

    public OptionsException(string message, string? location = null, string? hint = null, string? usageText = null)
        : base(message)
    {
        Location = location;
        Hint = hint;
        UsageText = usageText;
    }

    /// <summary>The option as typed plus its argument (<c>-m 16X</c>), or only the option (<c>-m</c>); null when QEMU prints none.</summary>
    public string? Location { get; }

    /// <summary>Extra lines QEMU prints after the message (error_append_hint), without a trailing newline; null when none.</summary>
    public string? Hint { get; }

    /// <summary>
    /// When non-null QEMU prints this text to <b>stdout</b> instead of an error line (e.g. <c>-d nosuch</c> prints
    /// the log item list) and still exits 1.
    /// </summary>
    public string? UsageText { get; }

    /// <summary>Returns a copy with <paramref name="location"/> set, unless one is already set.</summary>
    public OptionsException WithLocation(string location) =>
        Location is null ? new OptionsException(Message, location, Hint, UsageText) : this;

    /// <summary>The first stderr line: <c>nemu-system-arm: -m 16X: Parameter 'size' expects ...</c>.</summary>
    public string FormatLine(string programName) =>
        Location is null ? $"{programName}: {Message}" : $"{programName}: {Location}: {Message}";

    /// <summary>The full stderr text (first line plus hint lines), without a trailing newline.</summary>
    public string Format(string programName) =>
        Hint is null ? FormatLine(programName) : FormatLine(programName) + "\n" + Hint;
}
