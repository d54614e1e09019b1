// A QMP monitor on a chardev (QEMU monitor/qmp.c; management.md §2). Seam stub: piece Q implements the
// greeting, negotiation, dispatch and events.
using Nemu.Chardevs;
using Nemu.System;

namespace Nemu.Monitor.Qmp;

/// <summary>A QMP monitor: JSON commands in, JSON replies and events out.</summary>
public sealed class QmpMonitor(Chardev chardev, Machine machine, bool pretty)
{
    public Chardev Chardev { get; } = chardev;

    public Machine Machine { get; } = machine;

    public bool Pretty { get; } = pretty;

    /// <summary>Attaches to the chardev.</summary>
    public void Start()
    {
    }
}
