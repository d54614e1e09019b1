namespace Nemu.Options.Syntax;

/// <summary>One <c>key=value</c> item of an option argument, in command-line order.</summary>
public readonly record struct OptionEntry(string Key, string Value);
