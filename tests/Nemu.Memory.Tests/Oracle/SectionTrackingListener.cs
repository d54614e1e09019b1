// pci.md §1.7: a listener that rebuilds the current section set from region_add / region_del / region_nop
// and records every protocol violation (callbacks outside begin/commit, a delete after an add within one
// commit, deleting or keeping a section it was never given, overlapping adds).
namespace Nemu.Memory.Tests.Oracle;

/// <summary>Mirrors an address space's sections from listener callbacks alone.</summary>
internal sealed class SectionTrackingListener(string tag) : MemoryListener(0, tag)
{
    private readonly List<MemoryRegionSection> _current = [];
    private bool _inUpdate;
    private bool _sawAdd;

    /// <summary>The sections this listener believes are mapped, sorted by address.</summary>
    public IReadOnlyList<MemoryRegionSection> Current => _current;

    /// <summary>Protocol violations seen so far (empty when the listener was treated correctly).</summary>
    public List<string> Violations { get; } = [];

    /// <summary>Number of begin callbacks seen.</summary>
    public int Begins { get; private set; }

    public override void Begin()
    {
        if (_inUpdate)
        {
            Violations.Add($"{Name}: nested begin");
        }

        Begins++;
        _inUpdate = true;
        _sawAdd = false;
    }

    public override void Commit()
    {
        if (!_inUpdate)
        {
            Violations.Add($"{Name}: commit without begin");
        }

        _inUpdate = false;
    }

    public override void RegionAdd(in MemoryRegionSection section)
    {
        Expect(_inUpdate, "region_add outside begin/commit", section);
        _sawAdd = true;
        var end = (UInt128)section.OffsetWithinAddressSpace + section.Size;
        foreach (var s in _current)
        {
            var sEnd = (UInt128)s.OffsetWithinAddressSpace + s.Size;
            Expect(end <= s.OffsetWithinAddressSpace || sEnd <= section.OffsetWithinAddressSpace, $"region_add overlaps {Describe(s)}", section);
        }

        _current.Add(section);
        _current.Sort(static (a, b) => a.OffsetWithinAddressSpace.CompareTo(b.OffsetWithinAddressSpace));
    }

    public override void RegionDel(in MemoryRegionSection section)
    {
        Expect(_inUpdate, "region_del outside begin/commit", section);
        Expect(!_sawAdd, "region_del after a region_add in the same commit", section);
        Expect(_current.Remove(section), "region_del of a section never added", section);
    }

    public override void RegionNop(in MemoryRegionSection section)
    {
        Expect(_inUpdate, "region_nop outside begin/commit", section);
        Expect(_current.Contains(section), "region_nop of a section never added", section);
    }

    public static string Describe(in MemoryRegionSection s) =>
        $"{s.Region.Name}[{s.OffsetWithinAddressSpace:x}+{(ulong)s.Size:x}]@{s.OffsetWithinRegion:x}{(s.ReadOnly ? " ro" : string.Empty)}{(s.Nonvolatile ? " nv" : string.Empty)}{(s.Unmergeable ? " um" : string.Empty)}{(s.Size > ulong.MaxValue ? " 2^64" : string.Empty)}";

    private void Expect(bool condition, string what, in MemoryRegionSection section)
    {
        if (!condition)
        {
            Violations.Add($"{Name}: {what}: {Describe(section)}");
        }
    }
}
