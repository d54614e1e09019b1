// The state of one fuzz case: a MemorySystem, an address space over a random region tree, and the harness's
// own record of the tree (parents, priorities, insertion order, expected RAM contents). Every mutation goes
// through this class so the record stays in step with what the code under test was told (pci.md §1.2:
// set_address and set_priority re-add, which makes the region the newest among equal priorities).

namespace Nemu.Memory.Tests.Oracle;

/// <summary>A region tree under test plus an independent record of how it was built.</summary>
internal sealed class FuzzWorld : IDisposable
{
    private readonly Dictionary<MemoryRegion, Node> _nodes = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<MemoryRegion, MemoryRegion[]> _orderCache = new(ReferenceEqualityComparer.Instance);
    private long _sequence;

    public FuzzWorld(int seed)
    {
        Seed = seed;
        System = new MemorySystem { Warn = static _ => { } };
        Root = MemoryRegion.CreateContainer("root", (UInt128)ulong.MaxValue + 1);
        Record(Root, FuzzRegionKind.Container, null);
        Model = new ReferenceMemoryModel(ChildrenInRenderOrder);
    }

    public int Seed { get; }

    public MemorySystem System { get; }

    public MemoryRegion Root { get; }

    public ReferenceMemoryModel Model { get; }

    public List<OpsCall> Calls { get; } = [];

    public List<MemoryRegion> Regions { get; } = [];

    /// <summary>Descriptions of the mutations applied so far, for failure messages.</summary>
    public List<string> History { get; } = [];

    /// <summary>Address spaces under test with the listener registered on each before any mutation.</summary>
    public List<(AddressSpace Space, SectionTrackingListener Listener)> Spaces { get; } = [];

    /// <summary>A one-line description of the tree for failure messages.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        foreach (var mr in Regions)
        {
            var n = _nodes[mr];
            parts.Add($"{mr.Name}:{n.Kind}@{mr.Address:x}+{(mr.Size > ulong.MaxValue ? "2^64" : ((ulong)mr.Size).ToString("x"))} p{mr.Priority}{(mr.Enabled ? string.Empty : " off")}{(mr.ReadOnly ? " ro" : string.Empty)}"
                + $"{(mr.Alias is { } t ? $" ->{t.Name}+{mr.AliasOffset:x}" : string.Empty)} in {n.Parent?.Name ?? "-"}");
        }

        return $"seed {Seed}: " + string.Join("; ", parts);
    }

    public FuzzRegionKind KindOf(MemoryRegion mr) => _nodes[mr].Kind;

    /// <summary>
    /// True if moving <paramref name="mr"/> under <paramref name="container"/> would leave a stale view in QEMU:
    /// an address space root's own addr offsets its view, yet QEMU marks an update pending for del/add only
    /// when both container and region are enabled, and set_address does nothing without a container.
    /// </summary>
    public bool MoveIsSilentInQemu(MemoryRegion mr, MemoryRegion? container) =>
        !ReferenceEquals(mr, Root) && Spaces.Exists(s => ReferenceEquals(s.Space.Root, mr)) && (container is null || !container.Enabled || !mr.Enabled);

    public MemoryRegion? ParentOf(MemoryRegion mr) => _nodes[mr].Parent;

    public RecordingOps? OpsOf(MemoryRegion mr) => _nodes[mr].Ops;

    /// <summary>The expected contents of a RAM, ROM or ROM-device block.</summary>
    public byte[]? MirrorOf(MemoryRegion mr) => _nodes[mr].Mirror;

    /// <summary>Children of <paramref name="mr"/> as the harness expects them ordered: priority descending, newest first.</summary>
    public IReadOnlyList<MemoryRegion> ChildrenInRenderOrder(MemoryRegion mr)
    {
        if (_orderCache.TryGetValue(mr, out var cached))
        {
            return cached;
        }

        var list = new List<MemoryRegion>();
        foreach (var child in _nodes[mr].Children)
        {
            list.Add(child);
        }

        list.Sort((a, b) => a.Priority != b.Priority ? b.Priority.CompareTo(a.Priority) : _nodes[b].Sequence.CompareTo(_nodes[a].Sequence));
        var array = list.ToArray();
        _orderCache[mr] = array;
        return array;
    }

    public MemoryRegion Create(FuzzRegionKind kind, string name, UInt128 size, MemoryRegion? aliasTarget = null, ulong aliasOffset = 0)
    {
        RecordingOps? ops = null;
        var mr = kind switch
        {
            FuzzRegionKind.Container => MemoryRegion.CreateContainer(name, size),
            FuzzRegionKind.Io => MemoryRegion.CreateIo(name, size, ops = new RecordingOps(Regions.Count + 1, Calls)),
            FuzzRegionKind.Reservation => MemoryRegion.CreateReservation(name, size),
            FuzzRegionKind.Ram => MemoryRegion.CreateRam(name, (ulong)size),
            FuzzRegionKind.Rom => MemoryRegion.CreateRom(name, (ulong)size),
            FuzzRegionKind.RomDevice => MemoryRegion.CreateRomDevice(name, (ulong)size, ops = new RecordingOps(Regions.Count + 1, Calls)),
            _ => MemoryRegion.CreateAlias(name, aliasTarget!, aliasOffset, size),
        };
        var node = Record(mr, kind, ops);
        if (mr.RamBlock is { } block)
        {
            // A per-block pattern, so a byte that lands in the wrong block or offset is visible.
            node.Mirror = new byte[block.Size];
            for (var i = 0; i < node.Mirror.Length; i++)
            {
                node.Mirror[i] = (byte)((i * 7) + (Regions.Count * 0x29) + 3);
            }

            if (block.Size > 0)
            {
                node.Mirror.CopyTo(block.AsSpan(0, node.Mirror.Length));
            }
        }

        Regions.Add(mr);
        return mr;
    }

    /// <summary>True if rendering <paramref name="from"/> can reach <paramref name="to"/> (through children or alias targets).</summary>
    public bool Reaches(MemoryRegion from, MemoryRegion to)
    {
        if (ReferenceEquals(from, to))
        {
            return true;
        }

        if (from.Alias is { } target && Reaches(target, to))
        {
            return true;
        }

        foreach (var child in _nodes[from].Children)
        {
            if (Reaches(child, to))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="child"/> may be added under <paramref name="parent"/> without a render cycle.</summary>
    public bool CanAdd(MemoryRegion parent, MemoryRegion child) =>
        parent.Alias is null && _nodes[child].Parent is null && !ReferenceEquals(child, Root) && !Reaches(child, parent);

    public void Add(MemoryRegion parent, ulong offset, MemoryRegion child, int priority)
    {
        parent.AddSubregionOverlap(offset, child, priority);
        var node = _nodes[child];
        node.Parent = parent;
        node.Sequence = ++_sequence;
        _nodes[parent].Children.Add(child);
        _orderCache.Clear();
    }

    public void Remove(MemoryRegion child)
    {
        var node = _nodes[child];
        node.Parent!.RemoveSubregion(child);
        _nodes[node.Parent].Children.Remove(child);
        node.Parent = null;
        _orderCache.Clear();
    }

    public void SetAddress(MemoryRegion mr, ulong address)
    {
        var moves = address != mr.Address;
        mr.Address = address;
        Readded(mr, moves);
    }

    public void SetPriority(MemoryRegion mr, int priority)
    {
        var moves = priority != mr.Priority;
        mr.Priority = priority;
        Readded(mr, moves);
    }

    public AddressSpace AddSpace(string name, MemoryRegion root)
    {
        var space = new AddressSpace(System, name, root);
        var listener = new SectionTrackingListener(name + "-listener");
        space.RegisterListener(listener);
        Spaces.Add((space, listener));
        return space;
    }

    public void Dispose()
    {
        foreach (var space in Spaces.Select(s => s.Space).Distinct())
        {
            space.Dispose();
        }

        foreach (var mr in Regions)
        {
            mr.RamBlock?.Dispose();
        }
    }

    private void Readded(MemoryRegion mr, bool moved)
    {
        if (moved && _nodes[mr].Parent is not null)
        {
            _nodes[mr].Sequence = ++_sequence;
        }

        _orderCache.Clear();
    }

    private Node Record(MemoryRegion mr, FuzzRegionKind kind, RecordingOps? ops)
    {
        var node = new Node { Kind = kind, Ops = ops };
        _nodes[mr] = node;
        return node;
    }

    private sealed class Node
    {
        public FuzzRegionKind Kind { get; init; }

        public RecordingOps? Ops { get; init; }

        public MemoryRegion? Parent { get; set; }

        public long Sequence { get; set; }

        public List<MemoryRegion> Children { get; } = [];

        public byte[]? Mirror { get; set; }
    }
}
