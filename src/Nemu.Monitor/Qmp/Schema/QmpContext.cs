using Nemu.System;

namespace Nemu.Monitor.Qmp.Schema;

/// <summary>What a command handler may use: the machine (on the main-loop thread) and the monitor it came from.</summary>
public sealed class QmpContext(Machine machine)
{
    public Machine Machine { get; } = machine;

    /// <summary>The client's session (negotiation state), when the command came through a <see cref="QmpDispatcher"/>.</summary>
    public QmpSession? Session { get; init; }

    /// <summary>The dispatcher running the command (its command table), when there is one.</summary>
    public QmpDispatcher? Dispatcher { get; init; }
}
