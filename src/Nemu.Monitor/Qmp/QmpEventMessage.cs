// Machine events as QMP event messages (QEMU monitor/qmp.c + qapi/qmp-event.c qmp_event_build_dict and the
// generated qapi_event_send_*): {"event": NAME, "timestamp": {"seconds", "microseconds"}, "data": {...}} built in
// QEMU's insertion order (schema order for data members); printed in QDict order this gives
// {"timestamp": ..., "event": ..., "data": ...} as recorded from QEMU 7.2. The timestamp is the host wall clock.
using Nemu.Monitor.Qmp.Json;
using Nemu.System;

namespace Nemu.Monitor.Qmp;

/// <summary>Builds the QMP message of a <see cref="MachineEvent"/>.</summary>
public static class QmpEventMessage
{
    /// <summary>The event name and data (null for events without data) of <paramref name="machineEvent"/>.</summary>
    public static (string Name, JsonObject? Data) Describe(MachineEvent machineEvent) => machineEvent switch
    {
        StopEvent => ("STOP", null),
        ResumeEvent => ("RESUME", null),
        PowerdownEvent => ("POWERDOWN", null),
        ResetEvent reset => ("RESET", Cause(reset.Cause)),
        ShutdownEvent shutdown => ("SHUTDOWN", Cause(shutdown.Cause)),
        DeviceDeletedEvent deleted => ("DEVICE_DELETED", deleted.Device is { } device
            ? new JsonObject(("device", new JsonString(device)), ("path", new JsonString(deleted.Path)))
            : new JsonObject(("path", new JsonString(deleted.Path)))),

        // GuestPanicInformation has no variant for an M-profile lockup, so the reason text is not sent (see the log).
        GuestPanickedEvent panicked => ("GUEST_PANICKED", new JsonObject(("action", new JsonString(panicked.Action)))),
        _ => (machineEvent.GetType().Name, null),
    };

    /// <summary>The whole message in printed (QDict) order, stamped with <paramref name="wallClockNs"/> (ns since the epoch).</summary>
    public static JsonObject Build(MachineEvent machineEvent, long wallClockNs)
    {
        var (name, data) = Describe(machineEvent);
        var seconds = Math.DivRem(wallClockNs, 1_000_000_000L, out var ns);
        var members = new List<(string, JsonValue)>
        {
            ("event", new JsonString(name)),
            ("timestamp", new JsonObject(("seconds", JsonNumber.FromInt64(seconds)), ("microseconds", JsonNumber.FromInt64(ns / 1000)))),
        };
        if (data is not null)
        {
            members.Add(("data", data));
        }

        return (JsonObject)QDictOrder.Apply(new JsonObject(members.ToArray()));
    }

    private static JsonObject Cause(ShutdownCause cause) => new(
        ("guest", JsonBool.From(ShutdownCauseNames.IsGuest(cause))),
        ("reason", new JsonString(ShutdownCauseNames.QmpName(cause))));
}
