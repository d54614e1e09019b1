namespace Nemu.Options.CommandLine;

/// <summary>One option occurrence in argv order.</summary>
/// <param name="Spec">What option it is.</param>
/// <param name="Typed">The option as the user typed it (<c>--device</c>, <c>-M</c>), used in error locations.</param>
/// <param name="Argument">The argument, or null for options without one.</param>
public sealed record CommandLineOption(OptionSpec Spec, string Typed, string? Argument)
{
    /// <summary>QEMU's error location: <c>-m 16X</c>, or <c>-S</c> without an argument.</summary>
    public string Location => Argument is null ? Typed : $"{Typed} {Argument}";
}
