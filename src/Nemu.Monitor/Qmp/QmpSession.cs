// The per-connection state of a QMP monitor (QEMU monitor/qmp.c MonitorQMP: commands = cap-negotiation or full
// list, capab[] / capab_offered[]). A new connection starts in capabilities-negotiation mode (monitor_qmp_event
// CHR_EVENT_OPENED); events are only sent to negotiated sessions (monitor_qapi_event_emit).
namespace Nemu.Monitor.Qmp;

/// <summary>One QMP client's negotiation state.</summary>
public sealed class QmpSession
{
    /// <summary>True once <c>qmp_capabilities</c> succeeded: every command is available and events are sent.</summary>
    public bool Negotiated { get; internal set; }

    /// <summary>True when the client enabled the <c>oob</c> capability (then <c>exec-oob</c> is accepted).</summary>
    public bool OobEnabled { get; internal set; }

    /// <summary>Whether <c>oob</c> is offered in the greeting (QEMU offers it on sockets and stdio alike).</summary>
    public bool OobOffered { get; init; } = true;

    /// <summary>Back to capabilities-negotiation mode, as on a new connection.</summary>
    public void Reset()
    {
        Negotiated = false;
        OobEnabled = false;
    }
}
