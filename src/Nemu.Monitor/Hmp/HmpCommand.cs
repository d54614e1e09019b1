namespace Nemu.Monitor.Hmp;

/// <summary>
/// One HMP command as data, in the shape of QEMU's hmp-commands.hx: <see cref="Name"/> with aliases
/// (<c>stop|s</c>), <see cref="ArgsType"/> in QEMU's mini-language (<c>fmt:/,addr:l</c>,
/// <c>flatview:-f,owner:-o</c>, <c>name:S?</c>), the parameter synopsis and help line, and the handler.
/// </summary>
public sealed record HmpCommand(string Name, string ArgsType, string Params, string Help, Action<HmpSession, HmpArguments> Handler)
{
    /// <summary>True when <paramref name="word"/> is the name or one of the aliases.</summary>
    public bool Matches(string word)
    {
        foreach (var alias in Name.Split('|'))
        {
            if (alias == word)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The help line: <c>name params -- help</c>.</summary>
    public string HelpLine(string prefix) => $"{prefix}{Name} {Params} -- {Help}";
}
