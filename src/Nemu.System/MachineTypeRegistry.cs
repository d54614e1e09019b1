using System.Text;

namespace Nemu.System;

/// <summary>The boards a binary knows, registered explicitly at start-up (no reflection scanning).</summary>
public sealed class MachineTypeRegistry
{
    private readonly List<MachineType> _types = [];

    public IReadOnlyList<MachineType> Types => _types;

    public void Register(MachineType type)
    {
        if (Find(type.Name) is not null)
        {
            throw new InvalidOperationException($"machine type '{type.Name}' registered twice");
        }

        _types.Add(type);
    }

    /// <summary>The machine named <paramref name="name"/> (or aliased so), or null.</summary>
    public MachineType? Find(string name)
    {
        foreach (var type in _types)
        {
            if (type.Name == name || type.Aliases.Contains(name))
            {
                return type;
            }
        }

        return null;
    }

    /// <summary>The machine used when no <c>-M</c> is given, or null when there is none (then -M is required).</summary>
    public MachineType? Default => _types.FirstOrDefault(t => t.IsDefault);

    /// <summary><c>-M help</c>: "Supported machines are:" then <c>%-20s %s</c> per machine, sorted by name (QEMU vl.c).</summary>
    public string FormatHelp()
    {
        var text = new StringBuilder("Supported machines are:\n");
        foreach (var type in _types.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            foreach (var alias in type.Aliases)
            {
                text.Append(alias.PadRight(20)).Append(' ').Append(type.Description).Append(" (alias of ").Append(type.Name).Append(")\n");
            }

            text.Append(type.Name.PadRight(20)).Append(' ').Append(type.Description);
            if (type.IsDefault)
            {
                text.Append(" (default)");
            }

            text.Append('\n');
        }

        return text.ToString();
    }
}
