using Nemu.Core.State;

namespace Nemu.Core.Tests.State;

/// <summary>management.md §4.3: VMSTATE_STRUCT and VMSTATE_STRUCT_ARRAY are written inline, elements in order.</summary>
public sealed class StructStateTests
{
    private sealed class Vector
    {
        public short Prio;
        public byte Enabled;
    }

    private sealed class Nvic
    {
        public Vector Current = new();
        public Vector[] Vectors = [new(), new()];
        public uint Tail;
    }

    private static readonly StateDescription<Vector> VectorVmsd =
        StateDescription<Vector>.Builder("nvic_info", 1, 1)
            .Int16("prio", s => ref s.Prio)
            .UInt8("enabled", s => ref s.Enabled, reset: 1)
            .Build();

    private static readonly StateDescription<Nvic> NvicVmsd =
        StateDescription<Nvic>.Builder("nvic", 4, 4)
            .Struct("current", s => s.Current, VectorVmsd)
            .StructArray("vectors", s => s.Vectors, 2, VectorVmsd)
            .UInt32("tail", s => ref s.Tail)
            .Build();

    [Fact]
    public void StructFieldsAreInlineInElementOrder()
    {
        var state = new Nvic
        {
            Current = new Vector { Prio = -1, Enabled = 1 },
            Vectors = [new Vector { Prio = 2, Enabled = 0 }, new Vector { Prio = 0x0304, Enabled = 5 }],
            Tail = 6,
        };
        Assert.Equal([0xff, 0xff, 1, 0, 2, 0, 3, 4, 5, 0, 0, 0, 6], NvicVmsd.Save(state));
    }

    [Fact]
    public void StructArrayRoundTripsAndResets()
    {
        var state = new Nvic { Vectors = [new Vector { Prio = 7 }, new Vector { Enabled = 9 }] };
        var copy = new Nvic();
        NvicVmsd.Load(copy, NvicVmsd.Save(state), 4);
        Assert.Equal(7, copy.Vectors[0].Prio);
        Assert.Equal(9, copy.Vectors[1].Enabled);
        NvicVmsd.Reset(copy);
        Assert.Equal(1, copy.Vectors[1].Enabled);
        Assert.Equal(0, copy.Vectors[0].Prio);
    }

    [Fact]
    public void StructArrayDescribesNestedDescriptionAndElementSize()
    {
        Assert.Contains(
            "{\"name\":\"vectors\",\"array_len\":2,\"type\":\"struct\",\"struct\":{\"vmsd_name\":\"nvic_info\",\"version\":1,\"fields\":[{\"name\":\"prio\",\"type\":\"int16\",\"size\":2},{\"name\":\"enabled\",\"type\":\"uint8\",\"size\":1}]},\"size\":3}",
            NvicVmsd.DescribeJson());
    }

    [Fact]
    public void BindingSavesLoadsAndResetsWithoutKnowingTheType()
    {
        var state = new Nvic { Tail = 3 };
        StateBinding binding = NvicVmsd.Bind(state);
        var bytes = binding.Save();
        state.Tail = 0;
        binding.Load(bytes, 4);
        Assert.Equal(3u, state.Tail);
        binding.Reset();
        Assert.Equal(0u, state.Tail);
        Assert.Equal("nvic", binding.Description.Name);
    }
}
