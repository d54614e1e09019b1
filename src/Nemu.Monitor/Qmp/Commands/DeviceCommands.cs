// Implements QMP device_add and device_del of QEMU 7.2 (softmmu/qdev-monitor.c qmp_device_add /
// qdev_device_add_from_qdict, qmp_device_del / find_device_state / qdev_unplug), checks in QEMU's order:
// id well-formed ("Parameter 'id' expects an identifier"), driver ("'X' is not a valid device model name",
// "Parameter 'driver' expects a pluggable device type"), bus ("Bus 'X' not found", "No 'PCI' bus found for device
// 'edu'"), hot-plug ("Bus 'pcie.0' does not support hotplugging"), duplicate id ("Duplicate device ID 'e1'"), then
// the properties (JSON values become option strings, so a bad value reads "Parameter 'dma_mask' expects integer")
// and realize. Only the secondary bus of a pcie-root-port accepts hot-plug (as QEMU's native PCIe hot-plug slot);
// unplug there completes at once, as QEMU does while no guest driver handles the attention button: device_del
// returns {} and DEVICE_DELETED {device, path} follows it (posted to the main loop, so it comes after the return).
// device_del takes an id (/machine/peripheral/ID) or a QOM path; a device on a bus without hot-plug answers
// "Bus 'main-system-bus' does not support hotplugging".
// Not modelled: the PCIe slot registers' presence/attention events a running guest would see, sysbus hot-plug.
using System.Globalization;
using System.Runtime.CompilerServices;
using Nemu.Monitor.Qmp.Json;
using Nemu.Monitor.Qmp.Schema;
using Nemu.Qdev;
using Nemu.System;

namespace Nemu.Monitor.Qmp.Commands;

/// <summary>The QMP commands: device_add, device_del (piece C).</summary>
public static class DeviceCommands
{
    /// <summary>
    /// device_add's declared members; QEMU declares it <c>'gen': false</c>, so the server must let any other member
    /// through: they are the device's properties.
    /// </summary>
    public static QmpObjectType DeviceAddArguments { get; } =
        QmpTypes.Arguments("device_add", new("driver", QmpTypes.Str), new("bus", QmpTypes.Str, true), new("id", QmpTypes.Str, true));

    private static readonly ConditionalWeakTable<Device, object> Hotplugged = [];

    /// <summary>True for a device that device_add plugged into the running machine (QOM <c>hotplugged</c>).</summary>
    public static bool IsHotplugged(Device device) => Hotplugged.TryGetValue(device, out _);

    /// <summary>The command records of this group.</summary>
    public static IEnumerable<QmpCommand> All() =>
    [
        // 'gen': false in QEMU: the members beyond driver/bus/id are the device's properties, checked by the handler.
        new("device_add", DeviceAddArguments, QmpTypes.Empty, DeviceAdd)
        {
            ValidateArguments = false,
            Features = ["json-cli", "json-cli-hotplug"],
        },
        new("device_del", QmpTypes.Arguments("device_del", new QmpMember("id", QmpTypes.Str)), QmpTypes.Empty, DeviceDel),
    ];

    /// <summary>True when devices may be plugged into or unplugged from <paramref name="bus"/> at run time.</summary>
    public static bool IsHotpluggable(Bus bus) => bus.Parent is { } parent && parent.Type.IsA("pcie-root-port");

    private static JsonValue DeviceAdd(QmpContext context, JsonObject args)
    {
        var tree = context.Machine.Qdev;
        var driver = QmpTypes.String(args, "driver");
        var id = QmpTypes.OptionalString(args, "id");
        var busName = QmpTypes.OptionalString(args, "bus");
        if (id is not null && !QdevTree.IsWellFormedId(id))
        {
            throw new QmpException("Parameter 'id' expects an identifier");
        }

        var type = Qdev(() => tree.Registry.GetInstantiable(driver, fromUser: true));
        var bus = FindBus(tree, type, busName);
        if (bus is null || !IsHotpluggable(bus))
        {
            throw new QmpException(bus is null
                ? $"Device '{driver}' can not be hotplugged on this machine"
                : $"Bus '{bus.Name}' does not support hotplugging");
        }

        if (id is not null && tree.FindById(id) is not null)
        {
            throw new QmpException($"Duplicate device ID '{id}'");
        }

        var options = new List<KeyValuePair<string, string>> { new("driver", driver), new("bus", bus.Name) };
        if (id is not null)
        {
            options.Add(new("id", id));
        }

        foreach (var (key, value) in args.Members)
        {
            if (key is not ("driver" or "id" or "bus"))
            {
                options.Add(new(key, OptionText(value)));
            }
        }

        var device = Qdev(() => tree.AddDevice(options));
        Hotplugged.AddOrUpdate(device, Hotplugged);
        return new JsonObject();
    }

    private static JsonValue DeviceDel(QmpContext context, JsonObject args)
    {
        var machine = context.Machine;
        var id = QmpTypes.String(args, "id");
        var device = (id.StartsWith('/') ? machine.Qdev.FindByPath(id) : machine.Qdev.FindById(id))
            ?? throw new QmpException(QmpErrorClass.DeviceNotFound, $"Device '{id}' not found");
        if (device.ParentBus is { } bus && !IsHotpluggable(bus))
        {
            throw new QmpException($"Bus '{bus.Name}' does not support hotplugging");
        }

        if (device.ParentBus is null)
        {
            throw new QmpException($"Device '{device.Id ?? device.Type.Name}' does not support hotplugging");
        }

        var path = device.Path ?? string.Empty;
        var deviceId = device.Id;
        machine.Qdev.Remove(device);
        machine.Loop.Post(() => machine.RaiseEvent(new DeviceDeletedEvent(deviceId, path)));
        return new JsonObject();
    }

    private static Bus? FindBus(QdevTree tree, DeviceType type, string? busName)
    {
        if (busName is not null)
        {
            var bus = tree.Buses().FirstOrDefault(b => b.Name == busName) ?? throw new QmpException($"Bus '{busName}' not found");
            return bus.Accepts(type.BusType) ? bus : throw new QmpException($"Device '{type.Name}' can't go on {bus.TypeName} bus");
        }

        if (type.BusType is null)
        {
            return null;
        }

        // qbus_find_recursive from the system bus: the first bus of the type (depth first), as -device does.
        return tree.Buses().FirstOrDefault(b => b.Accepts(type.BusType))
            ?? throw new QmpException($"No '{type.BusType}' bus found for device '{type.Name}'");
    }

    /// <summary>A property value as QemuOpts text: strings as they are, numbers in decimal, booleans on/off.</summary>
    private static string OptionText(JsonValue value) => value switch
    {
        JsonString s => s.Value,
        JsonBool b => b.Value ? "on" : "off",
        JsonNumber n when n.TryGetInt64(out var l) => l.ToString(CultureInfo.InvariantCulture),
        JsonNumber n when n.TryGetUInt64(out var u) => u.ToString(CultureInfo.InvariantCulture),
        JsonNumber n => n.AsDouble().ToString("R", CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static T Qdev<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (QdevException e)
        {
            // The first line only: QMP carries no hint text (error_append_hint is for the command line).
            var message = e.Message;
            var newline = message.IndexOf('\n', StringComparison.Ordinal);
            throw new QmpException(newline < 0 ? message : message[..newline]);
        }
    }
}
