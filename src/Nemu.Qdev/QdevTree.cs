// Implements: the machine's device tree: qdev_new + qdev_realize for board devices (placed at
// /machine/unattached/device[N] or a named /machine/NAME), qdev_device_add for -device (qdev-monitor.c:
// id checks, driver lookup, bus selection, -global defaults before the -device properties, realize;
// /machine/peripheral/ID or /machine/peripheral-anon/device[N]), device removal, reset of the whole tree
// and `info qtree`. Error texts are QEMU 7.2's (management.md §1.2).
// Not modelled: bus paths in bus=, hotplug, QOM child properties beyond the path string.
namespace Nemu.Qdev;

/// <summary>
/// All devices of one machine: the root <c>main-system-bus</c>, the <c>-global</c> list, ids and paths.
/// Boards call <see cref="Create"/>; the command line's <c>-device</c> goes through <see cref="AddDevice"/>.
/// </summary>
public sealed class QdevTree
{
    private const string IdHint = "Identifiers consist of letters, digits, '-', '.', '_', starting with a letter.";

    private readonly List<Device> _devices = [];
    private readonly Dictionary<string, Device> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Device> _byPath = new(StringComparer.Ordinal);
    private readonly List<GlobalProperty> _globals = [];
    private int _unattachedCount;
    private int _anonymousCount;

    public QdevTree(DeviceTypeRegistry registry, IChardevResolver? chardevs = null)
    {
        Registry = registry;
        Chardevs = chardevs;
        SystemBus = new Bus("main-system-bus", Bus.SystemBusType);
    }

    public DeviceTypeRegistry Registry { get; }

    private readonly Dictionary<Type, object> _services = [];

    /// <summary>
    /// Makes a machine service (ROM list, CPU access, ...) available to devices, like QEMU's qdev_get_machine():
    /// devices ask for what they need through <see cref="Device.GetService{T}"/> instead of a global.
    /// </summary>
    public void AddService<T>(T service)
        where T : class => _services[typeof(T)] = service;

    /// <summary>The service registered as <typeparamref name="T"/>, or null.</summary>
    public T? GetService<T>()
        where T : class => _services.GetValueOrDefault(typeof(T)) as T;

    /// <summary>Validates chardev property values; null accepts any id.</summary>
    public IChardevResolver? Chardevs { get; }

    /// <summary>The root bus every sysbus device plugs into.</summary>
    public Bus SystemBus { get; }

    public IReadOnlyList<GlobalProperty> Globals => _globals;

    /// <summary>Devices in creation order.</summary>
    public IReadOnlyList<Device> Devices => _devices;

    /// <summary>Adds a <c>-global</c> default for devices created from now on.</summary>
    public void AddGlobal(GlobalProperty global) => _globals.Add(global);

    /// <summary>
    /// Creates a board device (not realized): defaults, then <c>-global</c> values. It is plugged into
    /// <paramref name="bus"/>, or the system bus for sysbus types. <paramref name="name"/> gives the path
    /// <c>/machine/NAME</c>; without it the path is <c>/machine/unattached/device[N]</c>.
    /// </summary>
    public Device Create(string typeName, string? name = null, Bus? bus = null)
    {
        var type = Registry.GetInstantiable(typeName, fromUser: false);
        var device = Instantiate(type);
        Attach(device, name is not null ? $"/machine/{name}" : $"/machine/unattached/device[{_unattachedCount++}]", null, bus ?? DefaultBus(type));
        return device;
    }

    /// <summary>Typed <see cref="Create"/>.</summary>
    public TDevice Create<TDevice>(string typeName, string? name = null, Bus? bus = null)
        where TDevice : Device => (TDevice)Create(typeName, name, bus);

    /// <summary>
    /// <c>-device driver,id=…,bus=…,prop=value…</c>: creates, configures and realizes a user device.
    /// Options are applied in order; <c>driver</c>, <c>id</c> and <c>bus</c> are not properties.
    /// </summary>
    /// <exception cref="QdevException">Any user error, with QEMU's message.</exception>
    public Device AddDevice(IReadOnlyList<KeyValuePair<string, string>> options)
    {
        string? driver = null, id = null, busName = null;
        foreach (var (key, value) in options)
        {
            switch (key)
            {
                case "driver": driver = value; break;
                case "id": id = value; break;
                case "bus": busName = value; break;
            }
        }

        if (id is not null)
        {
            if (!IsWellFormedId(id))
            {
                throw new QdevException($"Parameter 'id' expects an identifier\n{IdHint}");
            }

            if (_byId.ContainsKey(id))
            {
                throw new QdevException($"Duplicate ID '{id}' for device");
            }
        }

        if (driver is null)
        {
            throw new QdevException("Parameter 'driver' is missing");
        }

        var type = Registry.GetInstantiable(driver, fromUser: true);
        var bus = SelectBus(type, busName);
        var device = Instantiate(type);
        device.Id = id;
        foreach (var (key, value) in options)
        {
            if (key is not ("driver" or "id" or "bus"))
            {
                device.SetProperty(key, value, Properties.PropertySource.Device);
            }
        }

        Attach(device, id is not null ? $"/machine/peripheral/{id}" : $"/machine/peripheral-anon/device[{_anonymousCount++}]", id, bus);
        try
        {
            device.Realize();
        }
        catch (QdevException)
        {
            Remove(device);
            throw;
        }

        return device;
    }

    public Device? FindById(string id) => _byId.GetValueOrDefault(id);

    public Device? FindByPath(string path) => _byPath.GetValueOrDefault(path);

    /// <summary>Every bus in the tree, depth first from the system bus.</summary>
    public IEnumerable<Bus> Buses()
    {
        var pending = new Stack<Bus>();
        pending.Push(SystemBus);
        while (pending.Count != 0)
        {
            var bus = pending.Pop();
            yield return bus;
            foreach (var child in bus.Children)
            {
                foreach (var childBus in child.ChildBuses)
                {
                    pending.Push(childBus);
                }
            }
        }
    }

    /// <summary>Unrealizes <paramref name="device"/> and takes it out of the tree (device_del).</summary>
    public void Remove(Device device)
    {
        device.Unrealize();
        device.ParentBus?.Remove(device);
        device.ParentBus = null;
        if (device.Id is not null)
        {
            _byId.Remove(device.Id);
        }

        if (device.Path is not null)
        {
            _byPath.Remove(device.Path);
        }

        _devices.Remove(device);
    }

    /// <summary>Cold-resets every realized device, in creation order.</summary>
    public void ResetAll()
    {
        foreach (var device in _devices)
        {
            if (device.IsRealized)
            {
                device.Reset();
            }
        }
    }

    /// <summary>The <c>info qtree</c> text.</summary>
    public string PrintQtree() => QtreePrinter.Print(SystemBus);

    /// <summary>QEMU's id_wellformed: a letter, then letters, digits, '-', '.', '_'.</summary>
    public static bool IsWellFormedId(string id)
    {
        if (id.Length == 0 || !char.IsAsciiLetter(id[0]))
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '.' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    private Device Instantiate(DeviceType type)
    {
        var device = type.Instantiate();
        device.Tree = this;
        foreach (var global in _globals)
        {
            if (!type.IsA(global.Driver))
            {
                continue;
            }

            try
            {
                device.SetProperty(global.Property, global.Value, Properties.PropertySource.Global);
            }
            catch (QdevException ex)
            {
                throw new QdevException($"can't apply global {global}: {ex.Message}", ex);
            }
        }

        return device;
    }

    private Bus? DefaultBus(DeviceType type) => type.BusType == Bus.SystemBusType ? SystemBus : null;

    private Bus? SelectBus(DeviceType type, string? busName)
    {
        if (busName is not null)
        {
            var bus = Buses().FirstOrDefault(b => b.Name == busName) ?? throw new QdevException($"Bus '{busName}' not found");
            return bus.Accepts(type.BusType) ? bus : throw new QdevException($"Device '{type.Name}' can't go on {bus.TypeName} bus");
        }

        if (type.BusType is null)
        {
            return null;
        }

        return Buses().FirstOrDefault(b => b.Accepts(type.BusType))
            ?? throw new QdevException($"No '{type.BusType}' bus found for device '{type.Name}'");
    }

    private void Attach(Device device, string path, string? id, Bus? bus)
    {
        device.Path = path;
        _byPath[path] = device;
        if (id is not null)
        {
            _byId[id] = device;
        }

        if (bus is not null)
        {
            device.ParentBus = bus;
            bus.Add(device);
        }

        _devices.Add(device);
    }
}
