// The comparisons between Nemu.Memory and the reference model (pci.md §1.2 order, §1.3 FlatView and simplify,
// §1.4 dispatch, §1.7 listeners). Each failure message starts with the case's seed and the step that led to it.
using Nemu.Core;

namespace Nemu.Memory.Tests.Oracle;

/// <summary>Runs every differential check over one <see cref="FuzzWorld"/>.</summary>
internal sealed class DifferentialChecks(FuzzWorld world, Random rng)
{
    private readonly MemTxAttrs _attrs = default;

    /// <summary>What happened last, for failure messages.</summary>
    public string Step { get; set; } = "build";

    public void All()
    {
        SubregionOrder();
        var seen = new HashSet<AddressSpace>();
        foreach (var (space, listener) in world.Spaces)
        {
            var sections = space.GetSections();
            ListenerMirrorsSections(space, listener, sections);
            if (seen.Add(space))
            {
                FlatViewShape(space, sections);
                FlatViewMatchesOracle(space, sections);
                DispatchMatchesOracle(space, sections);
                RandomAccessesStayInsideRam(space);
            }
        }
    }

    /// <summary>§1.2: Subregions lists children by descending priority, newest first among equals.</summary>
    public void SubregionOrder()
    {
        foreach (var mr in world.Regions)
        {
            var expected = world.ChildrenInRenderOrder(mr);
            Check(expected.SequenceEqual(mr.Subregions), $"subregion order of {mr.Name}: got [{string.Join(",", mr.Subregions.Select(r => r.Name))}] expected [{string.Join(",", expected.Select(r => r.Name))}]");
        }
    }

    /// <summary>§1.3: sections sorted, disjoint, within 2^64, non-empty, and merged wherever simplify must merge.</summary>
    public void FlatViewShape(AddressSpace space, IReadOnlyList<MemoryRegionSection> sections)
    {
        for (var i = 0; i < sections.Count; i++)
        {
            var s = sections[i];
            var end = (UInt128)s.OffsetWithinAddressSpace + s.Size;
            Check(s.Size > 0 && end <= (UInt128)ulong.MaxValue + 1, $"{space.Name}: bad section {SectionTrackingListener.Describe(s)}");
            if (i + 1 < sections.Count)
            {
                var next = sections[i + 1];
                Check(end <= next.OffsetWithinAddressSpace, $"{space.Name}: sections overlap or are unsorted: {SectionTrackingListener.Describe(s)} then {SectionTrackingListener.Describe(next)}");
                Check(!(ReferenceMemoryModel.Continues(s, next) && !s.Unmergeable), $"{space.Name}: mergeable sections left apart: {SectionTrackingListener.Describe(s)} {SectionTrackingListener.Describe(next)}");
            }
        }
    }

    /// <summary>§1.3: the whole FlatView equals the oracle's, up to splits of unmergeable ranges.</summary>
    public void FlatViewMatchesOracle(AddressSpace space, IReadOnlyList<MemoryRegionSection> sections)
    {
        var expected = world.Model.ExpectedCanonicalSections(space.Root);
        var actual = ReferenceMemoryModel.Canonicalize(sections);
        if (!expected.SequenceEqual(actual))
        {
            Check(false, $"{space.Name}: FlatView differs from the oracle\n expected: {string.Join(" ", expected.Select(s => SectionTrackingListener.Describe(s)))}\n actual:   {string.Join(" ", actual.Select(s => SectionTrackingListener.Describe(s)))}");
        }
    }

    /// <summary>§1.7: a listener registered before all mutations holds exactly the current sections after each commit.</summary>
    public void ListenerMirrorsSections(AddressSpace space, SectionTrackingListener listener, IReadOnlyList<MemoryRegionSection> sections)
    {
        Check(listener.Violations.Count == 0, $"{space.Name}: listener protocol: {string.Join("; ", listener.Violations)}");
        Check(listener.Current.SequenceEqual(sections), $"{space.Name}: listener holds [{string.Join(" ", listener.Current.Select(s => SectionTrackingListener.Describe(s)))}] but view is [{string.Join(" ", sections.Select(s => SectionTrackingListener.Describe(s)))}]");
    }

    /// <summary>§1.3/§1.4: one-byte CPU loads and stores at boundary and random addresses reach what the oracle names.</summary>
    public void DispatchMatchesOracle(AddressSpace space, IReadOnlyList<MemoryRegionSection> sections)
    {
        var addresses = new List<ulong> { 0, ulong.MaxValue };
        foreach (var s in sections)
        {
            var last = s.OffsetWithinAddressSpace + (ulong)(s.Size - 1);
            addresses.Add(s.OffsetWithinAddressSpace);
            addresses.Add(s.OffsetWithinAddressSpace - 1);
            addresses.Add(last);
            addresses.Add(last + 1);
            if (addresses.Count > 48)
            {
                break;
            }
        }

        var gen = new RandomTreeGenerator(world, rng);
        for (var i = 0; i < 12; i++)
        {
            addresses.Add(gen.RandomAddress());
        }

        foreach (var a in addresses)
        {
            OneByteLoad(space, a);
            OneByteStore(space, a);
        }

        RamMatchesMirrors($"after 1-byte stores in {space.Name}");
    }

    /// <summary>§1.4: random-width loads and stores (straddling boundaries, near 2^64) never throw or stray outside RAM.</summary>
    public void RandomAccessesStayInsideRam(AddressSpace space)
    {
        var gen = new RandomTreeGenerator(world, rng);
        var sections = space.GetSections();
        for (var i = 0; i < 24; i++)
        {
            var size = 1u << rng.Next(4);
            var a = sections.Count > 0 && rng.Next(2) == 0
                ? sections[rng.Next(sections.Count)].OffsetWithinAddressSpace - (ulong)rng.Next(8)
                : gen.RandomAddress();
            Step = $"load/store {size} bytes at {a:x} in {space.Name}";
            space.Read(new GuestAddress(a), size, _attrs, out _);
            var value = (ulong)rng.NextInt64() ^ ((ulong)rng.Next() << 40);
            space.Write(new GuestAddress(a), value, size, _attrs);
            var bytes = new byte[size];
            for (var k = 0; k < size; k++)
            {
                bytes[k] = (byte)(value >> (8 * k));
            }

            AcceptWrite(space, a, bytes);
            RamMatchesMirrors(Step);
            var length = rng.Next(1, 40);
            var buffer = new byte[length];
            Step = $"buffer {length} bytes at {a:x} in {space.Name}";
            space.ReadBuffer(new GuestAddress(a), buffer, _attrs);
            rng.NextBytes(buffer);
            space.WriteBuffer(new GuestAddress(a), buffer, _attrs);
            AcceptWrite(space, a, buffer);
            RamMatchesMirrors(Step);
        }
    }

    private void OneByteLoad(AddressSpace space, ulong a)
    {
        Step = $"1-byte load at {a:x} in {space.Name}";
        world.Calls.Clear();
        var r = space.Read(new GuestAddress(a), 1, _attrs, out var value);
        var hit = world.Model.Resolve(space.Root, a);
        if (hit is { } grown && Grown(grown))
        {
            Check(world.Calls.TrueForAll(c => c.Ops == world.OpsOf(grown.Region)), $"load from {grown.Region.Name} reached callbacks [{CallsText()}]");
            return;
        }

        var (expectCall, expectValue, expectResult) = hit switch
        {
            null => (false, 0UL, MemTxResult.DecodeError),
            { Region.IsRam: true } h => (false, world.MirrorOf(h.Region)![h.Offset], MemTxResult.Ok),
            { Region.IsRomDevice: true, Region.RomdMode: true } h => (false, world.MirrorOf(h.Region)![h.Offset], MemTxResult.Ok),
            { Region.Ops: { } } h => (true, world.OpsOf(h.Region)!.ValueAt(h.Offset), MemTxResult.Ok),
            _ => (false, 0UL, MemTxResult.DecodeError), // a reservation
        };
        Check(r == expectResult && value == expectValue, $"load result {r} value {value:x}, oracle {Name(hit)} expects {expectResult} {expectValue:x}");
        Check(CallsAre(expectCall ? hit : null, isWrite: false, 0), $"load callbacks [{CallsText()}], oracle {Name(hit)}");
    }

    private void OneByteStore(AddressSpace space, ulong a)
    {
        Step = $"1-byte store at {a:x} in {space.Name}";
        world.Calls.Clear();
        var v = (byte)rng.Next(256);
        var r = space.Write(new GuestAddress(a), v, 1, _attrs);
        var hit = world.Model.Resolve(space.Root, a);
        if (hit is { } grown && Grown(grown))
        {
            Check(world.Calls.TrueForAll(c => c.Ops == world.OpsOf(grown.Region)), $"store to {grown.Region.Name} reached callbacks [{CallsText()}]");
            AcceptWrite(space, a, [v]);
            return;
        }

        var expectCall = hit is { Region.Ops: not null };
        var expectResult = hit switch
        {
            null => MemTxResult.DecodeError,
            { Region.Terminates: true, Region.Ops: null, Region.RamBlock: null } => MemTxResult.DecodeError,
            _ => MemTxResult.Ok,
        };
        if (hit is { Region.IsRam: true, ReadOnly: false } h)
        {
            world.MirrorOf(h.Region)![h.Offset] = v; // TCG discards stores to read-only sections only
        }

        Check(r == expectResult, $"store result {r}, oracle {Name(hit)} expects {expectResult}");
        Check(CallsAre(expectCall ? hit : null, isWrite: true, v), $"store callbacks [{CallsText()}], oracle {Name(hit)}");
    }

    // Which RAM bytes a store of several bytes may change. A byte served by RAM through a section that is
    // writable must be written. QEMU writes sub-page and buffer stores with address_space_write, which checks the
    // region's own readonly flag rather than the section's, so a read-only section of writable RAM (say a
    // read-only alias) may or may not be written; so may a byte past 2^64 (QEMU defines no wrap) and a byte of a
    // region grown past its block. Nothing else may change.
    private void AcceptWrite(AddressSpace space, ulong a, byte[] bytes)
    {
        for (var k = 0; k < bytes.Length; k++)
        {
            var addr = a + (ulong)k;
            if (world.Model.Resolve(space.Root, addr) is not { Region.IsRam: true } h || world.MirrorOf(h.Region) is not { } mirror || h.Offset >= (ulong)mirror.Length)
            {
                continue;
            }

            if (!h.ReadOnly && addr >= a && !Grown(h))
            {
                mirror[h.Offset] = bytes[k];
            }
            else if (!h.Region.ReadOnly && h.Region.RamBlock!.AsSpan(h.Offset, 1)[0] == bytes[k])
            {
                mirror[h.Offset] = bytes[k];
            }
        }
    }

    private void RamMatchesMirrors(string when)
    {
        foreach (var mr in world.Regions)
        {
            if (world.MirrorOf(mr) is { Length: > 0 } mirror && mr.RamBlock is { } block)
            {
                var actual = block.AsSpan(0, mirror.Length);
                if (!actual.SequenceEqual(mirror))
                {
                    var i = 0;
                    while (actual[i] == mirror[i])
                    {
                        i++;
                    }

                    Check(false, $"RAM of {mr.Name} changed at offset {i:x} ({mirror[i]:x2} -> {actual[i]:x2}) {when}");
                }
            }
        }
    }

    private bool CallsAre(OracleHit? hit, bool isWrite, ulong value)
    {
        if (hit is not { } h)
        {
            return world.Calls.Count == 0;
        }

        return world.Calls.Count == 1 && world.Calls[0] == new OpsCall(world.OpsOf(h.Region)!, isWrite, h.Offset, 1, value);
    }

    // A RAM-backed region whose size was set past its block. QEMU would access host memory past the block; only
    // "no crash, nothing outside the block, no other region's callbacks" is checked there.
    private bool Grown(in OracleHit hit) => world.MirrorOf(hit.Region) is { } block && hit.Region.Size > (ulong)block.Length;

    private string CallsText() => string.Join(", ", world.Calls.Select(c => $"{(c.IsWrite ? "W" : "R")} ops{c.Ops.Id} {c.Offset:x}/{c.Size}"));

    private static string Name(OracleHit? hit) => hit is { } h ? $"{h.Region.Name}+{h.Offset:x}{(h.ReadOnly ? " ro" : string.Empty)}" : "unassigned";

    private void Check(bool condition, string message)
    {
        if (!condition)
        {
            Assert.Fail($"seed {world.Seed}, step '{Step}': {message}\n mutations: {string.Join(" | ", world.History.TakeLast(6))}\n tree: {world.Describe()}");
        }
    }
}
