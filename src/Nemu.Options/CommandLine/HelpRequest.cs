namespace Nemu.Options.CommandLine;

/// <summary>
/// A help request found on the command line. The System layer prints the answer to stdout and exits with
/// <see cref="ExitCode"/> (QEMU exits 1 after <c>-d help</c> and group option lists, 0 otherwise).
/// </summary>
/// <param name="Topic">What is asked for.</param>
/// <param name="Subject">The machine/driver/backend/group name for property lists, else null.</param>
/// <param name="ExitCode">The process exit status after answering.</param>
public sealed record HelpRequest(HelpTopic Topic, string? Subject, int ExitCode);
