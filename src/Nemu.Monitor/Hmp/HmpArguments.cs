namespace Nemu.Monitor.Hmp;

/// <summary>The parsed arguments of one command, by the names of its args_type.</summary>
public sealed class HmpArguments
{
    private readonly Dictionary<string, object> _values = new(StringComparer.Ordinal);

    public void Set(string name, object value) => _values[name] = value;

    public bool Has(string name) => _values.ContainsKey(name);

    public bool Flag(string name) => _values.TryGetValue(name, out var v) && v is true;

    public ulong Integer(string name) => (ulong)_values[name];

    public string? String(string name) => _values.TryGetValue(name, out var v) ? v as string : null;

    public (long Count, char Format, int Size) Format(string name) => ((long, char, int))_values[name];
}
