// Randomized differential testing of Nemu.Memory against ReferenceMemoryModel (pci.md §1.2-§1.4, §1.6, §1.7).
// Each case is reproducible from its seed, which every failure message prints.
namespace Nemu.Memory.Tests.Oracle;

public sealed class MemoryApiDifferentialTests
{
    private const int CasesPerBatch = 300;

    public static TheoryData<int> Batches => [0, 1, 2, 3, 4, 5, 6, 7];

    [Theory]
    [MemberData(nameof(Batches))]
    public void RandomTreesAndMutationsMatchTheReferenceModel(int batch)
    {
        for (var i = 0; i < CasesPerBatch; i++)
        {
            RunCase((batch * 100_000) + i);
        }
    }

    /// <summary>Runs one seeded case; a failing seed can be replayed alone by calling it.</summary>
    internal static void RunCase(int seed)
    {
        var rng = new Random(seed);
        using var world = new FuzzWorld(seed);
        var gen = new RandomTreeGenerator(world, rng);
        var checks = new DifferentialChecks(world, rng);
        var spaceFirst = rng.Next(2) == 0;
        if (spaceFirst)
        {
            world.AddSpace("as0", world.Root);
        }

        gen.Build(rng.Next(4, 18));
        if (!spaceFirst)
        {
            world.AddSpace("as0", world.Root);
        }

        if (rng.Next(4) == 0 && world.Regions.Count > 0)
        {
            // A second address space over some subtree (exercises flatview roots and sharing).
            world.AddSpace("as1", world.Regions[rng.Next(world.Regions.Count)]);
        }
        else if (rng.Next(3) == 0)
        {
            // A wrapper whose only child at 0 may or may not fit: the flatview-root descent (pci.md §1.3).
            var wrapper = world.Create(FuzzRegionKind.Container, "wrap", (UInt128)(ulong)rng.Next(1, 0x20) << 12);
            var inner = rng.Next(2) == 0
                ? world.Create(FuzzRegionKind.Alias, "wrap-alias", (UInt128)(ulong)rng.Next(1, 0x20) << 12, world.Root, (ulong)rng.Next(2) * 0x10000)
                : world.Regions[rng.Next(world.Regions.Count - 1)];
            if (world.CanAdd(wrapper, inner))
            {
                world.Add(wrapper, (ulong)rng.Next(2) * 0x800, inner, 0);
            }

            world.AddSpace("as1", wrapper);
        }

        checks.All();
        var mutations = rng.Next(4, 14);
        for (var m = 0; m < mutations; m++)
        {
            if (rng.Next(3) == 0)
            {
                MutateInTransaction(world, gen, checks, rng);
            }
            else
            {
                checks.Step = "mutation " + gen.Mutate();
                world.History.Add(checks.Step);
            }

            if (m == mutations / 2)
            {
                // A listener registered mid-way gets the current map replayed (pci.md §1.7) and then tracks it.
                var late = new SectionTrackingListener("late-listener");
                world.Spaces[0].Space.RegisterListener(late);
                world.Spaces.Add((world.Spaces[0].Space, late));
            }

            checks.All();
        }

        foreach (var (space, listener) in world.Spaces)
        {
            space.UnregisterListener(listener);
            Assert.True(listener.Current.Count == 0 && listener.Violations.Count == 0, $"seed {seed}: unregistering {listener.Name} left [{string.Join(" ", listener.Current.Select(s => SectionTrackingListener.Describe(s)))}] {string.Join("; ", listener.Violations)}");
        }
    }

    // §1.6: nothing of a batch is visible to accesses or listeners before the outermost commit.
    private static void MutateInTransaction(FuzzWorld world, RandomTreeGenerator gen, DifferentialChecks checks, Random rng)
    {
        var before = world.Spaces.Select(s => s.Space.GetSections().ToArray()).ToArray();
        var begins = world.Spaces.Select(s => s.Listener.Begins).ToArray();
        var steps = new List<string>();
        world.System.BeginTransaction();
        var nested = rng.Next(2) == 0;
        if (nested)
        {
            world.System.BeginTransaction();
        }

        for (var k = rng.Next(1, 5); k > 0; k--)
        {
            steps.Add(gen.Mutate());
        }

        if (nested)
        {
            world.System.CommitTransaction();
        }

        checks.Step = "transaction " + string.Join(", ", steps);
        world.History.Add(checks.Step);
        for (var i = 0; i < world.Spaces.Count; i++)
        {
            Assert.True(before[i].SequenceEqual(world.Spaces[i].Space.GetSections()), $"seed {world.Seed}: {checks.Step}: view changed before the outermost commit");
            Assert.True(begins[i] == world.Spaces[i].Listener.Begins, $"seed {world.Seed}: {checks.Step}: listener called before the outermost commit");
        }

        world.System.CommitTransaction();
        for (var i = 0; i < world.Spaces.Count; i++)
        {
            Assert.True(world.Spaces[i].Listener.Begins <= begins[i] + 1, $"seed {world.Seed}: {checks.Step}: more than one listener begin for one transaction");
        }
    }
}
