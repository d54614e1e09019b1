// HMP `info mtree [-f] [-o] [-D]` in QEMU 7.2's exact byte format (pci.md §1.8; mtree_info_as / mtree_print_mr /
// mtree_print_flatview). QEMU orders the per-root and per-FlatView blocks by hash table; we use address-space
// creation order, so blocks are identical and only their order may differ. Not modelled: `-d` dispatch trees,
// accelerator names after flat ranges, QOM canonical paths in `-o` output.
using System.Text;

namespace Nemu.Memory;

/// <summary>Formats the memory tree and FlatViews for the monitor.</summary>
internal static class MtreePrinter
{
    private const string Indent = "  ";

    public static string FormatTree(MemorySystem system, bool owner, bool disabled)
    {
        var sb = new StringBuilder();
        var roots = new List<MemoryRegion>();
        var spacesByRoot = new Dictionary<MemoryRegion, List<AddressSpace>>(ReferenceEqualityComparer.Instance);
        foreach (var space in system.AddressSpaces)
        {
            if (!spacesByRoot.TryGetValue(space.Root, out var list))
            {
                list = [];
                spacesByRoot[space.Root] = list;
                roots.Add(space.Root);
            }

            // g_slist_insert_sorted: before the first element that is not smaller.
            var index = list.FindIndex(x => string.CompareOrdinal(space.Name, x.Name) <= 0);
            list.Insert(index < 0 ? list.Count : index, space);
        }

        var aliasQueue = new List<MemoryRegion>();
        foreach (var root in roots)
        {
            foreach (var space in spacesByRoot[root])
            {
                sb.Append("address-space: ").Append(space.Name).Append('\n');
            }

            PrintRegion(sb, root, 1, 0, aliasQueue, owner, disabled);
            sb.Append('\n');
        }

        // The queue grows while it is printed when alias targets contain aliases themselves.
        for (var i = 0; i < aliasQueue.Count; i++)
        {
            sb.Append("memory-region: ").Append(aliasQueue[i].Name).Append('\n');
            PrintRegion(sb, aliasQueue[i], 1, 0, aliasQueue, owner, disabled);
            sb.Append('\n');
        }

        return sb.ToString();
    }

    public static string FormatFlatViews(MemorySystem system, bool owner)
    {
        var sb = new StringBuilder();
        var views = new List<FlatView>();
        var spacesByView = new Dictionary<FlatView, List<AddressSpace>>(ReferenceEqualityComparer.Instance);
        foreach (var space in system.AddressSpaces)
        {
            if (!spacesByView.TryGetValue(space.View, out var list))
            {
                list = [];
                spacesByView[space.View] = list;
                views.Add(space.View);
            }

            list.Add(space);
        }

        for (var n = 0; n < views.Count; n++)
        {
            var view = views[n];
            sb.Append("FlatView #").Append(n).Append('\n');
            foreach (var space in spacesByView[view])
            {
                sb.Append(" AS \"").Append(space.Name).Append("\", root: ").Append(space.Root.Name);
                if (space.Root.Alias is { } target)
                {
                    sb.Append(", alias ").Append(target.Name);
                }

                sb.Append('\n');
            }

            sb.Append(" Root memory region: ").Append(view.Root?.Name ?? "(none)").Append('\n');
            if (view.Ranges.Length == 0)
            {
                sb.Append(Indent).Append("No rendered FlatView\n\n");
                continue;
            }

            foreach (var range in view.Ranges)
            {
                var mr = range.Region;
                sb.Append(Indent);
                AppendSpan(sb, range.Start, range.Size);
                sb.Append(" (prio ").Append(mr.Priority).Append(", ").Append(range.Nonvolatile ? "nv-" : string.Empty)
                  .Append(range.ReadOnly ? "rom" : TypeName(mr)).Append("): ").Append(mr.Name);
                if (range.OffsetInRegion != 0)
                {
                    sb.Append(" @").Append(Hex(range.OffsetInRegion));
                }

                if (owner)
                {
                    AppendOwner(sb, mr);
                }

                sb.Append('\n');
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>memory_region_type: resolved through aliases.</summary>
    internal static string TypeName(MemoryRegion mr)
    {
        while (mr.Alias is { } target)
        {
            mr = target;
        }

        if (mr.IsRomDevice && mr.RomdMode)
        {
            return "romd";
        }

        if (mr.IsRam)
        {
            return mr.ReadOnly ? "rom" : "ram";
        }

        return "i/o";
    }

    private static void PrintRegion(StringBuilder sb, MemoryRegion mr, int level, ulong baseAddr, List<MemoryRegion> aliasQueue, bool owner, bool disabled)
    {
        var start = baseAddr + mr.Address;
        var end = start + SizeMinusOne(mr.Size);
        if (start < baseAddr || end < start)
        {
            sb.Append("[DETECTED OVERFLOW!] ");
        }

        if (mr.Alias is { } target && !aliasQueue.Contains(target))
        {
            aliasQueue.Add(target);
        }

        if (mr.Enabled || disabled)
        {
            for (var i = 0; i < level; i++)
            {
                sb.Append(Indent);
            }

            sb.Append(Hex(start)).Append('-').Append(Hex(end)).Append(" (prio ").Append(mr.Priority).Append(", ")
              .Append(mr.Nonvolatile ? "nv-" : string.Empty).Append(TypeName(mr)).Append("): ");
            if (mr.Alias is { } aliased)
            {
                sb.Append("alias ").Append(mr.Name).Append(" @").Append(aliased.Name).Append(' ')
                  .Append(Hex(mr.AliasOffset)).Append('-').Append(Hex(mr.AliasOffset + SizeMinusOne(mr.Size)));
            }
            else
            {
                sb.Append(mr.Name);
            }

            sb.Append(mr.Enabled ? string.Empty : " [disabled]");
            if (owner)
            {
                AppendOwner(sb, mr);
            }

            sb.Append('\n');
        }

        // Children by ascending address, ties by higher priority, otherwise in list order. Disabled regions'
        // children are still visited, as in QEMU.
        var children = new List<MemoryRegion>(mr.Subregions.Count);
        foreach (var child in mr.Subregions)
        {
            var index = children.FindIndex(x => child.Address < x.Address || (child.Address == x.Address && child.Priority > x.Priority));
            children.Insert(index < 0 ? children.Count : index, child);
        }

        foreach (var child in children)
        {
            PrintRegion(sb, child, level + 1, start, aliasQueue, owner, disabled);
        }
    }

    private static void AppendOwner(StringBuilder sb, MemoryRegion mr)
    {
        if (mr.Owner is null)
        {
            sb.Append(" orphan");
            return;
        }

        sb.Append(" owner:{").Append(mr.Owner is IMtreeOwner o ? o.MtreeDescription : "obj type=" + mr.Owner.GetType().Name).Append('}');
    }

    private static void AppendSpan(StringBuilder sb, ulong start, UInt128 size) =>
        sb.Append(Hex(start)).Append('-').Append(Hex(start + SizeMinusOne(size)));

    // QEMU's MR_SIZE: size - 1, or 0 for an empty region.
    private static ulong SizeMinusOne(UInt128 size) => size == 0 ? 0 : (ulong)(size - 1);

    private static string Hex(ulong v) => v.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
}
