// Implements: management.md §7.1 (-semihosting / -semihosting-config enable, userspace, target, chardev, arg=)
// and §7.2 "Command line (SYS_GET_CMDLINE)": the arg= items joined by spaces, otherwise the -kernel path as
// typed followed by " " and the -append text.
namespace Nemu.Semihosting;

/// <summary>
/// The semihosting configuration the machine hands to <see cref="ArmSemihosting"/>, built from
/// <c>-semihosting-config</c> (Nemu.Options' SemihostingConfig) plus <c>-kernel</c>/<c>-append</c>.
/// </summary>
/// <param name="Enabled">enable=on (or plain -semihosting).</param>
/// <param name="UserspaceEnabled">userspace=on: unprivileged code may make calls too.</param>
/// <param name="Backend">target=native|gdb|auto.</param>
/// <param name="ChardevId">chardev=ID for the console, or null for the process's stderr/stdin.</param>
/// <param name="CommandLine">What SYS_GET_CMDLINE returns (see <see cref="BuildCommandLine"/>), or null for "".</param>
public sealed record SemihostingSettings(bool Enabled, bool UserspaceEnabled, SemihostingBackend Backend, string? ChardevId, string? CommandLine)
{
    /// <summary>Semihosting off (no -semihosting option given).</summary>
    public static SemihostingSettings Disabled { get; } = new(false, false, SemihostingBackend.Auto, null, null);

    /// <summary>
    /// QEMU's semihosting_arg_fallback rule: the <c>arg=</c> items joined by single spaces when any were given;
    /// otherwise the kernel path as typed, followed by a space and <paramref name="append"/> when that is non-empty;
    /// null when there is neither.
    /// </summary>
    public static string? BuildCommandLine(IReadOnlyList<string> args, string? kernelPath, string? append)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count > 0)
        {
            return string.Join(' ', args);
        }

        if (kernelPath is null)
        {
            return null;
        }

        return string.IsNullOrEmpty(append) ? kernelPath : kernelPath + " " + append;
    }

    /// <summary>Whether a BKPT #0xAB at the given privilege is a semihosting call (semihosting_enabled(is_user)).</summary>
    public bool AppliesTo(bool privileged) => Enabled && (privileged || UserspaceEnabled);
}
