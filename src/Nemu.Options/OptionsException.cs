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

    public OptionsException(string message, string? location = null, string? hint = null, string? usageText = null, IReadOnlyList<string>? warnings = null)
        : base(OneLine(message))
    {
        Warnings = warnings ?? [];
        Location = location is null ? null : OneLine(location);
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

    /// <summary>Warnings QEMU prints before this error for the same option ("warning: ..." plus hint lines).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Returns a copy with <paramref name="location"/> set, unless one is already set.</summary>
    public OptionsException WithLocation(string location) =>
        Location is null ? new OptionsException(Message, location, Hint, UsageText, Warnings) : this;

    /// <summary>Returns a copy carrying <paramref name="warnings"/> printed before it.</summary>
    public OptionsException WithWarnings(IReadOnlyList<string> warnings) =>
        warnings.Count == 0 ? this : new OptionsException(Message, Location, Hint, UsageText, warnings);

    // User text can hold control characters; an error must stay one line, so they are shown escaped
    // (QEMU prints them raw, which only matters for such hostile input).
    internal static string OneLine(string text)
    {
        if (!text.Any(char.IsControl))
        {
            return text;
        }

        var sb = new System.Text.StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\x{(int)c:x2}",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }

    /// <summary>The first stderr line: <c>nemu-system-arm: -m 16X: Parameter 'size' expects ...</c>.</summary>
    public string FormatLine(string programName) =>
        Location is null ? $"{programName}: {Message}" : $"{programName}: {Location}: {Message}";

    /// <summary>The full stderr text (warnings, the error line, hint lines), without a trailing newline.</summary>
    public string Format(string programName)
    {
        var prefix = Location is null ? $"{programName}: " : $"{programName}: {Location}: ";
        var text = new System.Text.StringBuilder();
        foreach (var w in Warnings)
        {
            text.Append(prefix).Append(w).Append('\n');
        }

        text.Append(FormatLine(programName));
        if (Hint is not null)
        {
            text.Append('\n').Append(Hint);
        }

        return text.ToString();
    }
}
