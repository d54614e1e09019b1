// The QOM composition tree of a machine as qom-list/qom-get/qom-set see it (qom/object.c object_resolve_path,
// qom/qom-qmp-cmds.c): `/` (container) with `objects`, `machine` and `chardevs`; the machine with `peripheral`,
// `peripheral-anon` and `unattached` containers; every qdev device at its canonical path (creation order), and the
// buses a device provides as its children (`pcie.0`, `i2c`...), each bus linking its devices as `child[N]`. Path resolution follows child and link properties;
// a path without a leading '/' is a partial path matched against the ends of canonical paths, unique or not found.
// The view is built on demand from the QdevTree, so it always reflects the current devices.
// Devices carry their memory regions as children (MemoryRegionQom); a board's other objects (clocks) come from
// its QomBoardObjects service.
// Not modelled: QOM objects that are not qdev devices or their regions (clocks, IRQs, -object backends).
namespace Nemu.Qdev.Qom;

/// <summary>A QOM view of a machine: the root object and path resolution.</summary>
public sealed class QomTree
{
    private QomTree(QomObject root) => Root = root;

    /// <summary>The root object (<c>/</c>).</summary>
    public QomObject Root { get; }

    /// <summary>The machine object (<c>/machine</c>).</summary>
    public QomObject Machine => Root.Follow("machine")!;

    /// <summary>
    /// Builds the view over <paramref name="tree"/> with <paramref name="machine"/> as <c>/machine</c> (the caller gives
    /// it its type and machine properties). Containers and devices are added after the machine's own properties.
    /// </summary>
    public static QomTree Build(QdevTree tree, QomObject machine)
    {
        var root = new QomObject("container");
        root.AddChild("objects", new QomObject("container"));
        root.AddChild("machine", machine);
        root.AddChild("chardevs", new QomObject("container"));
        foreach (var name in (string[])["peripheral", "peripheral-anon", "unattached"])
        {
            if (machine.Follow(name) is null)
            {
                machine.AddChild(name, new QomObject("container"));
            }
        }

        var view = new QomTree(root);
        var buses = new Dictionary<Bus, QomObject>();
        var regions = new Dictionary<Memory.MemoryRegion, QomObject>();
        var sysbus = machine.Follow("unattached")!.AddChild("sysbus", new QomObject(tree.SystemBus.TypeName == Bus.SystemBusType ? "System" : tree.SystemBus.TypeName));
        buses[tree.SystemBus] = sysbus;
        foreach (var device in tree.Devices)
        {
            if (device.Path is null)
            {
                continue;
            }

            var obj = DeviceQom.Create(device, bus => buses.GetValueOrDefault(bus), regions);
            var slash = device.Path.LastIndexOf('/');
            var parent = view.EnsureContainer(device.Path[..slash]);
            parent.AddChild(device.Path[(slash + 1)..], obj);
            foreach (var bus in device.ChildBuses)
            {
                buses[bus] = obj.AddChild(bus.Name, new QomObject(bus.TypeName));
            }
        }

        foreach (var (path, typeName) in tree.GetService<QomBoardObjects>()?.Objects ?? [])
        {
            var slash = path.LastIndexOf('/');
            view.EnsureContainer(path[..slash]).AddChild(path[(slash + 1)..], new QomObject(typeName));
        }

        // bus_add_child: a bus links each plugged device as child[N], in plug order (Bus.Children is newest first).
        foreach (var (bus, busObject) in buses)
        {
            var index = 0;
            for (var i = bus.Children.Count - 1; i >= 0; i--)
            {
                if (bus.Children[i].Path is { } childPath && view.Resolve(childPath) is { } child)
                {
                    busObject.AddLink($"child[{index++}]", bus.Children[i].Type.Name, () => child);
                }
            }
        }

        return view;
    }

    /// <summary>The object at <paramref name="path"/> (absolute or partial), or null.</summary>
    public QomObject? Resolve(string path)
    {
        if (path.StartsWith('/'))
        {
            var current = Root;
            foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                current = current.Follow(part);
                if (current is null)
                {
                    return null;
                }
            }

            return current;
        }

        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            return null;
        }

        QomObject? found = null;
        foreach (var candidate in All(Root))
        {
            if (EndsWith(candidate, parts))
            {
                if (found is not null)
                {
                    return null;
                }

                found = candidate;
            }
        }

        return found;
    }

    /// <summary>
    /// Resolves <paramref name="path"/> or throws QEMU's <c>Device 'PATH' not found</c> (qom-list, qom-get, qom-set).
    /// </summary>
    public QomObject Get(string path) => Resolve(path) ?? throw new QomException($"Device '{path}' not found", isNotFound: true);

    private QomObject EnsureContainer(string path)
    {
        var current = Root;
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            current = current.Follow(part) ?? current.AddChild(part, new QomObject("container"));
        }

        return current;
    }

    private static IEnumerable<QomObject> All(QomObject root)
    {
        var pending = new Stack<QomObject>();
        pending.Push(root);
        while (pending.Count != 0)
        {
            var obj = pending.Pop();
            yield return obj;
            foreach (var property in obj.Properties)
            {
                if (property.Child is { } child)
                {
                    pending.Push(child);
                }
            }
        }
    }

    private static bool EndsWith(QomObject obj, string[] parts)
    {
        var current = obj;
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            if (current is null || current.Parent is null || current.Name != parts[i])
            {
                return false;
            }

            current = current.Parent;
        }

        return true;
    }
}
