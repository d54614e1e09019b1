// The QOM children a device gets for the memory regions it owns (system/memory.c memory_region_init with an
// owner: object_property_add_child(owner, "NAME[*]", region), so each name is numbered from 0 per owner) and
// the properties of a `memory-region` object (memory_region_initfn): `container` (link<memory-region>, "" when
// the region is not mapped or its container is not in the view), `addr` (uint64), `priority` (uint32), `size`
// (uint64, saturated at 2^64-1). Not modelled: regions owned by non-device objects (the machine's RAM, which
// QEMU parents to /machine/unattached as "NAME[0]").
using Nemu.Memory;

namespace Nemu.Qdev.Qom;

/// <summary>Builds the <c>child&lt;memory-region&gt;</c> children of a device's QOM object.</summary>
public static class MemoryRegionQom
{
    /// <summary>The QOM type of a memory region.</summary>
    public const string TypeName = "memory-region";

    /// <summary>
    /// Adds every region <paramref name="device"/> owns (its <see cref="Device.OwnedMemoryRegionRoots"/> and their
    /// subregions owned by it) to <paramref name="obj"/>, recording each in <paramref name="objects"/> so that
    /// <c>container</c> links resolve across devices.
    /// </summary>
    public static void AddChildren(Device device, QomObject obj, Dictionary<MemoryRegion, QomObject> objects)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var pending = new Stack<MemoryRegion>(device.OwnedMemoryRegionRoots.Reverse());
        while (pending.Count != 0)
        {
            var region = pending.Pop();
            if (objects.ContainsKey(region))
            {
                continue;
            }

            if (ReferenceEquals(region.Owner, device))
            {
                counts.TryGetValue(region.Name, out var n);
                counts[region.Name] = n + 1;
                objects[region] = obj.AddChild($"{region.Name}[{n}]", Create(region, objects));
            }

            for (var i = region.Subregions.Count - 1; i >= 0; i--)
            {
                if (ReferenceEquals(region.Subregions[i].Owner, device))
                {
                    pending.Push(region.Subregions[i]);
                }
            }
        }
    }

    /// <summary>The QOM object of <paramref name="region"/>.</summary>
    public static QomObject Create(MemoryRegion region, IReadOnlyDictionary<MemoryRegion, QomObject> objects)
    {
        var obj = new QomObject(TypeName);
        obj.AddLink("container", TypeName, () => region.Container is { } container ? objects.GetValueOrDefault(container) : null);
        obj.Add(new QomProperty("addr", "uint64", () => region.Address));
        obj.Add(new QomProperty("priority", "uint32", () => (ulong)(uint)region.Priority));
        obj.Add(new QomProperty("size", "uint64", () => region.Size > ulong.MaxValue ? ulong.MaxValue : (ulong)region.Size));
        return obj;
    }
}
