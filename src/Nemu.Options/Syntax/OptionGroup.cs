// Implements: QEMU's QemuOptsList (include/qemu/option.h): the name, implied key and parameter
// descriptions of one option; an empty description list accepts any key (-device, -object, -chardev),
// leaving the checks to the type the first value selects.
namespace Nemu.Options.Syntax;

/// <summary>Describes the keys an option argument accepts and how its first, key-less item is named.</summary>
public sealed class OptionGroup
{
    private readonly Dictionary<string, OptionType> _parameters;

    public OptionGroup(string name, string? impliedKey, OptionSyntax syntax, IReadOnlyDictionary<string, OptionType>? parameters, bool acceptsJson = false)
    {
        AcceptsJson = acceptsJson;
        Name = name;
        ImpliedKey = impliedKey;
        Syntax = syntax;
        AcceptsAnyKey = parameters is null;
        _parameters = parameters is null ? [] : new Dictionary<string, OptionType>(parameters, StringComparer.Ordinal);
    }

    /// <summary>QEMU's list name (<c>machine</c>, <c>device</c>, <c>icount</c>, ...).</summary>
    public string Name { get; }

    /// <summary>The key of a first item given without <c>key=</c>; null when every item needs a key.</summary>
    public string? ImpliedKey { get; }

    /// <summary>The grammar.</summary>
    public OptionSyntax Syntax { get; }

    /// <summary>True when any key is accepted as a string (the selected type validates later).</summary>
    public bool AcceptsAnyKey { get; }

    /// <summary>True when an argument starting with '{' is a JSON object (-device, -object).</summary>
    public bool AcceptsJson { get; }

    /// <summary>The declared parameters and their types.</summary>
    public IReadOnlyDictionary<string, OptionType> Parameters => _parameters;

    /// <summary>The type of <paramref name="key"/>, or null when the group does not accept it.</summary>
    public OptionType? TypeOf(string key) =>
        _parameters.TryGetValue(key, out var type) ? type : AcceptsAnyKey ? OptionType.String : null;
}
