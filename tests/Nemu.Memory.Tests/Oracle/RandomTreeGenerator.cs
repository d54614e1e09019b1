// Seeded random region trees and mutations for the differential tests (pci.md §1.1-§1.3): containers nested up
// to four levels, I/O, reservations, RAM, ROM, ROM devices, aliases of anything (including chains and aliases
// of containers), overlapping siblings with random (often equal) priorities, disabled and read-only regions,
// regions partly outside their parent, size-0 and 2^64-sized regions, and addresses near 2^64.
namespace Nemu.Memory.Tests.Oracle;

/// <summary>Builds and mutates a <see cref="FuzzWorld"/> from a seeded <see cref="Random"/>.</summary>
internal sealed class RandomTreeGenerator(FuzzWorld world, Random rng)
{
    private const ulong TopCluster = ulong.MaxValue - 0x7fff;
    private static readonly UInt128 TwoTo64 = (UInt128)ulong.MaxValue + 1;
    private static readonly ulong[] Clusters = [0, 0x10000, 0xffff_c000, TopCluster];
    private int _names;

    /// <summary>Creates the initial tree (mapping most regions somewhere below the root).</summary>
    public void Build(int regions)
    {
        for (var i = 0; i < regions; i++)
        {
            var mr = CreateRandomRegion();
            if (rng.Next(8) != 0)
            {
                TryMap(mr);
            }

            if (rng.Next(10) == 0)
            {
                mr.Enabled = false;
            }

            if (rng.Next(10) == 0)
            {
                mr.ReadOnly = true;
            }

            if (rng.Next(20) == 0)
            {
                mr.Unmergeable = true;
            }

            if (rng.Next(20) == 0)
            {
                mr.Nonvolatile = true;
            }
        }
    }

    /// <summary>Applies one random mutation through the world's recording wrappers.</summary>
    public string Mutate()
    {
        var mr = world.Regions[rng.Next(world.Regions.Count)];
        var roll = rng.Next(14);
        if (roll is <= 2 or 12 && world.MoveIsSilentInQemu(mr, world.ParentOf(mr)))
        {
            return "nothing";
        }

        switch (roll)
        {
            case 0:
            case 1:
                var address = world.ParentOf(mr) is { } p ? RandomOffset(p) : (ulong)rng.Next(0x4000);
                world.SetAddress(mr, address);
                return $"address {mr.Name}={address:x}";
            case 2:
                var priority = rng.Next(-2, 3);
                world.SetPriority(mr, priority);
                return $"priority {mr.Name}={priority}";
            case 3:
            case 4:
                mr.Enabled = !mr.Enabled;
                return $"enabled {mr.Name}={mr.Enabled}";
            case 5:
                var size = RandomSize(world.KindOf(mr), world.MirrorOf(mr)?.Length);
                mr.Size = size;
                return $"size {mr.Name}={size:x}";
            case 6:
                mr.ReadOnly = !mr.ReadOnly;
                return $"readonly {mr.Name}={mr.ReadOnly}";
            case 7:
                if (mr.Alias is not null)
                {
                    mr.AliasOffset = RandomAliasOffset(mr.Alias);
                    return $"alias_offset {mr.Name}={mr.AliasOffset:x}";
                }

                mr.Unmergeable = !mr.Unmergeable;
                return $"unmergeable {mr.Name}={mr.Unmergeable}";
            case 8:
                if (world.KindOf(mr) == FuzzRegionKind.RomDevice)
                {
                    mr.RomdMode = !mr.RomdMode;
                    return $"romd {mr.Name}={mr.RomdMode}";
                }

                mr.Nonvolatile = !mr.Nonvolatile;
                return $"nonvolatile {mr.Name}={mr.Nonvolatile}";
            case 9:
            case 10:
                if (world.ParentOf(mr) is not null)
                {
                    world.Remove(mr);
                    return $"remove {mr.Name}";
                }

                return TryMap(mr) ? $"add {mr.Name}@{mr.Address:x} in {world.ParentOf(mr)?.Name}" : "nothing";
            case 11:
                var created = CreateRandomRegion();
                return TryMap(created) ? $"new {created.Name}@{created.Address:x} in {world.ParentOf(created)?.Name}" : $"new {created.Name}";
            case 13:
                mr.DirtyLogMask = (byte)rng.Next(4);
                return $"dirty_log_mask {mr.Name}={mr.DirtyLogMask}";
            default:
                if (world.ParentOf(mr) is { } parent)
                {
                    // Remove and re-add elsewhere (possibly the same parent): exercises list order.
                    world.Remove(mr);
                    world.Add(parent, RandomOffset(parent), mr, rng.Next(-2, 3));
                    return $"readd {mr.Name}@{mr.Address:x} p{mr.Priority}";
                }

                return "nothing";
        }
    }

    /// <summary>A random address of interest: near a cluster, or random, or near 2^64.</summary>
    public ulong RandomAddress() => rng.Next(4) switch
    {
        0 => (ulong)rng.NextInt64(),
        1 => ulong.MaxValue - (ulong)rng.Next(0x20),
        _ => Clusters[rng.Next(Clusters.Length)] + (ulong)rng.Next(0x8000),
    };

    private MemoryRegion CreateRandomRegion()
    {
        var name = $"r{++_names}";
        var roll = rng.Next(100);
        var kind = roll switch
        {
            < 22 => FuzzRegionKind.Container,
            < 44 => FuzzRegionKind.Io,
            < 50 => FuzzRegionKind.Reservation,
            < 65 => FuzzRegionKind.Ram,
            < 71 => FuzzRegionKind.Rom,
            < 76 => FuzzRegionKind.RomDevice,
            _ => FuzzRegionKind.Alias,
        };
        if (kind == FuzzRegionKind.Alias && rng.Next(3) == 0 && FindAlias() is { } previous && world.ParentOf(previous) is { } parent
            && previous.Size < 0x10000 && previous.AliasOffset < 0x10000)
        {
            // Continue an existing alias: same target, next offset, next address. The two pieces can merge
            // (pci.md §1.3 simplify) unless their flags differ.
            var next = world.Create(kind, name, RandomSize(kind, null) & 0xffff, previous.Alias, previous.AliasOffset + (ulong)previous.Size);
            if (world.CanAdd(parent, next) && !world.MoveIsSilentInQemu(next, parent))
            {
                world.Add(parent, previous.Address + (ulong)previous.Size, next, previous.Priority);
            }

            return next;
        }

        if (kind == FuzzRegionKind.Alias)
        {
            var target = world.Regions.Count > 0 ? world.Regions[rng.Next(world.Regions.Count)] : world.Root;
            return world.Create(kind, name, RandomSize(kind, null), target, RandomAliasOffset(target));
        }

        return world.Create(kind, name, RandomSize(kind, null));
    }

    private MemoryRegion? FindAlias()
    {
        var start = rng.Next(world.Regions.Count + 1);
        for (var i = 0; i < world.Regions.Count; i++)
        {
            var mr = world.Regions[(start + i) % world.Regions.Count];
            if (mr.Alias is not null)
            {
                return mr;
            }
        }

        return null;
    }

    // Maps mr under a random non-alias region (the root most often) unless that would make a render cycle.
    private bool TryMap(MemoryRegion mr)
    {
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var parent = rng.Next(3) == 0 || world.Regions.Count == 0 ? world.Root : world.Regions[rng.Next(world.Regions.Count)];
            if (Depth(parent) < 4 && world.CanAdd(parent, mr) && !world.MoveIsSilentInQemu(mr, parent))
            {
                world.Add(parent, RandomOffset(parent), mr, rng.Next(-2, 3));
                return true;
            }
        }

        return false;
    }

    private int Depth(MemoryRegion mr)
    {
        var depth = 0;
        for (var p = world.ParentOf(mr); p is not null; p = world.ParentOf(p))
        {
            depth++;
        }

        return depth;
    }

    private ulong RandomOffset(MemoryRegion parent)
    {
        if (ReferenceEquals(parent, world.Root))
        {
            return rng.Next(10) == 0 ? (ulong)rng.NextInt64() : Clusters[rng.Next(Clusters.Length)] + ((ulong)rng.Next(0x40) * 0x200);
        }

        var size = parent.Size > 0x8000 ? 0x8000UL : (ulong)parent.Size;
        return rng.Next(12) switch
        {
            0 => 0,
            1 => size, // just outside
            2 => ulong.MaxValue - (ulong)rng.Next(0x1000), // wraps past 2^64 once the parent's base is added
            3 => (ulong)rng.Next(0x10),
            _ => (ulong)rng.NextInt64((long)size + 0x100) & ~0xfUL,
        };
    }

    private UInt128 RandomSize(FuzzRegionKind kind, int? blockSize)
    {
        if (blockSize is { } limit)
        {
            // QEMU resizes RAM through qemu_ram_resize, not set_size; growing past the block is a caller bug.
            // Mostly within the block; sometimes past it, where accesses must still stay inside the block.
            return (UInt128)rng.Next((rng.Next(8) == 0 ? 2 * limit : limit) + 1);
        }

        var roll = rng.Next(20);
        if (kind is FuzzRegionKind.Ram or FuzzRegionKind.Rom or FuzzRegionKind.RomDevice)
        {
            return roll == 0 ? 0 : (UInt128)(ulong)(rng.Next(1, 0x30) * 0x100);
        }

        return roll switch
        {
            0 => 0,
            1 => TwoTo64,
            2 => (UInt128)1 << 63,
            3 => 1,
            4 => ulong.MaxValue - 0xfff,
            _ => (UInt128)(ulong)(rng.Next(1, 0x80) * 0x80),
        };
    }

    private ulong RandomAliasOffset(MemoryRegion target)
    {
        var size = target.Size > 0x4000 ? 0x4000UL : (ulong)target.Size;
        return rng.Next(8) switch
        {
            0 => 0,
            1 => ulong.MaxValue - (ulong)rng.Next(0x100),
            _ => (ulong)rng.NextInt64((long)size + 0x200) & ~0x7UL,
        };
    }
}
