using Nemu.Qdev;

namespace Nemu.System.Vl;

/// <summary>
/// What the start-up sequence needs from its host process: the program name for messages, the machine
/// types and standard streams. The CLI passes the console; tests pass string writers.
/// </summary>
public sealed record VlContext(string ProgramName, MachineTypeRegistry Machines, DeviceTypeRegistry Devices, TextWriter Out, TextWriter Error)
{
    /// <summary>Standard input for <c>stdio</c> chardevs; null means the process's stdin.</summary>
    public Stream? Input { get; init; }
}
