namespace Nemu.Monitor.Hmp;

/// <summary>
/// An HMP argument error. The session prints <see cref="Exception.Message"/> and then
/// <c>Try "help CMD" for more information</c>, as QEMU's monitor does.
/// </summary>
public sealed class HmpException(string message) : Exception(message);
