namespace Nemu.Options.CommandLine;

/// <summary>A warning QEMU prints to stderr without failing (deprecated short-form booleans).</summary>
/// <param name="Location">The option and argument (<c>-global x</c>).</param>
/// <param name="Text">"warning: ..." plus hint lines, without trailing newline.</param>
public sealed record OptionWarning(string Location, string Text)
{
    /// <summary>The stderr text: <c>nemu-system-arm: -global x: warning: ...</c> plus hint lines.</summary>
    public string Format(string programName) => $"{programName}: {Location}: {Text}";
}
