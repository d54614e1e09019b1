using Nemu.System;

namespace Nemu.Monitor.Qmp.Schema;

/// <summary>What a command handler may use: the machine (on the main-loop thread) and the monitor it came from.</summary>
public sealed class QmpContext(Machine machine)
{
    public Machine Machine { get; } = machine;
}
