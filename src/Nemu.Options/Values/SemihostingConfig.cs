// Implements: management.md §1.2 and §7 (-semihosting, -semihosting-config); QEMU 7.2
// semihosting/config.c qemu_semihosting_config_options: enable defaults to on once the option is given,
// 7.2 parses it without an implied key (so "help" is a flag and "on" an unknown key); target is native|gdb|auto (default auto), every arg= appends to the guest's argv.
using Nemu.Options.Syntax;

namespace Nemu.Options.Values;

/// <summary>The <c>-semihosting-config</c> settings.</summary>
public sealed record SemihostingConfig(bool Enabled, bool UserspaceEnabled, SemihostingTarget Target, string? Chardev, IReadOnlyList<string> Args)
{
    /// <summary>What plain <c>-semihosting</c> means: enable=on,target=auto.</summary>
    public static SemihostingConfig EnabledDefault { get; } = new(true, false, SemihostingTarget.Auto, null, []);

    /// <summary>Parses an argument; throws <see cref="OptionsException"/> (QEMU: "unsupported semihosting-config ARG").</summary>
    public static SemihostingConfig Parse(string text)
    {
        var opts = OptsParser.Parse(text, OptionGroups.SemihostingConfig);
        var target = opts.Get("target") switch
        {
            null or "auto" => SemihostingTarget.Auto,
            "native" => SemihostingTarget.Native,
            "gdb" => SemihostingTarget.Gdb,
            _ => throw new OptionsException($"unsupported semihosting-config {text}"),
        };
        return new SemihostingConfig(opts.GetBool("enable", true), opts.GetBool("userspace", false), target, opts.Get("chardev"), opts.GetAll("arg"));
    }
}
