using Nemu.Core.State;

namespace Nemu.Core.Tests.State;

/// <summary>management.md §4.3: VMState field encoding, subsections, load rules; §4.4 vmdesc.</summary>
public sealed class StateDescriptionTests
{
    private sealed class Sample
    {
        public byte U8;
        public ushort U16;
        public uint U32;
        public ulong U64;
        public sbyte I8;
        public short I16;
        public int I32;
        public long I64;
        public bool Flag;
        public byte[] Buf = new byte[3];
        public uint[] Regs = new uint[2];
        public ulong[] Wide = new ulong[1];
        public long TimerExpiry;
        public uint Added;
        public uint Extra;
        public int PostLoadVersion = -1;
    }

    private static readonly StateDescription<Sample> ExtraSub =
        StateDescription<Sample>.Builder("sample/extra", version: 2, minimumVersion: 1)
            .UInt32("extra", s => ref s.Extra)
            .Build();

    private static readonly StateDescription<Sample> Vmsd =
        StateDescription<Sample>.Builder("sample", version: 3, minimumVersion: 2)
            .UInt8("u8", s => ref s.U8, reset: 0x11)
            .UInt16("u16", s => ref s.U16)
            .UInt32("u32", s => ref s.U32, reset: 0xdeadbeef)
            .UInt64("u64", s => ref s.U64)
            .Int8("i8", s => ref s.I8)
            .Int16("i16", s => ref s.I16)
            .Int32("i32", s => ref s.I32)
            .Int64("i64", s => ref s.I64)
            .Bool("flag", s => ref s.Flag, reset: true)
            .Buffer("buf", s => s.Buf, 3)
            .UInt32Array("regs", s => s.Regs, 2)
            .UInt64Array("wide", s => s.Wide, 1)
            .Timer("timer", s => s.TimerExpiry, (s, v) => s.TimerExpiry = v)
            .UInt32("added", s => ref s.Added, sinceVersion: 3)
            .Subsection(ExtraSub, s => s.Extra != 0)
            .PostLoad((s, v) => s.PostLoadVersion = v)
            .Build();

    private static Sample Filled() => new()
    {
        U8 = 0x01,
        U16 = 0x0203,
        U32 = 0x04050607,
        U64 = 0x08090a0b0c0d0e0f,
        I8 = -1,
        I16 = -2,
        I32 = -3,
        I64 = -4,
        Flag = true,
        Buf = [0xaa, 0xbb, 0xcc],
        Regs = [0x10203040, 0x50607080],
        Wide = [0x1122334455667788],
        TimerExpiry = 1000,
        Added = 0x99,
    };

    private static byte[] FieldBytesV3() =>
    [
        0x01,
        0x02, 0x03,
        0x04, 0x05, 0x06, 0x07,
        0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f,
        0xff,
        0xff, 0xfe,
        0xff, 0xff, 0xff, 0xfd,
        0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfc,
        0x01,
        0xaa, 0xbb, 0xcc,
        0x10, 0x20, 0x30, 0x40, 0x50, 0x60, 0x70, 0x80,
        0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88,
        0, 0, 0, 0, 0, 0, 0x03, 0xe8,
        0, 0, 0, 0x99,
    ];

    [Fact]
    public void SaveWritesFieldsInOrderBigEndianWithoutTags()
    {
        Assert.Equal(FieldBytesV3(), Vmsd.Save(Filled()));
    }

    [Fact]
    public void NeededSubsectionFollowsFieldsWithTagNameAndVersion()
    {
        var state = Filled();
        state.Extra = 0x01020304;
        byte[] expectedTail = [0x05, 12, .. "sample/extra"u8.ToArray(), 0, 0, 0, 2, 1, 2, 3, 4];
        Assert.Equal([.. FieldBytesV3(), .. expectedTail], Vmsd.Save(state));
    }

    [Fact]
    public void LoadRestoresWhatSaveWrote()
    {
        var source = Filled();
        source.Extra = 7;
        var target = new Sample();
        Vmsd.Load(target, Vmsd.Save(source), 3);
        Assert.Equal(Vmsd.Save(source), Vmsd.Save(target));
        Assert.Equal(7u, target.Extra);
        Assert.Equal(-4, target.I64);
        Assert.Equal(3, target.PostLoadVersion);
    }

    [Fact]
    public void AbsentSubsectionKeepsDestinationValue()
    {
        var target = new Sample { Extra = 42 };
        Vmsd.Load(target, Vmsd.Save(Filled()), 3);
        Assert.Equal(42u, target.Extra);
    }

    [Fact]
    public void TimerNotPendingIsSavedAsMinusOne()
    {
        var state = Filled();
        Vmsd.Reset(state);
        var bytes = Vmsd.Save(state);
        Assert.Equal(Enumerable.Repeat((byte)0xff, 8), bytes.Skip(bytes.Length - 12).Take(8));
    }

    [Fact]
    public void LoadRefusesVersionNewerThanOurs()
    {
        var ex = Assert.Throws<StateLoadException>(() => Vmsd.Load(new Sample(), FieldBytesV3(), 4));
        Assert.Equal("sample: incoming version_id 4 is too new for local version_id 3", ex.Message);
    }

    [Fact]
    public void LoadRefusesVersionOlderThanMinimum()
    {
        var ex = Assert.Throws<StateLoadException>(() => Vmsd.Load(new Sample(), FieldBytesV3(), 1));
        Assert.Equal("sample: incoming version_id 1 is too old for local minimum version_id 2", ex.Message);
    }

    [Fact]
    public void FieldSinceLaterVersionIsAbsentFromOlderStream()
    {
        var v2 = FieldBytesV3()[..^4];
        var target = new Sample { Added = 5 };
        Vmsd.Load(target, v2, 2);
        Assert.Equal(5u, target.Added);
        Assert.Equal(-3, target.I32);
        Assert.Equal(2, target.PostLoadVersion);
    }

    [Fact]
    public void TruncatedInputNamesTheField()
    {
        var ex = Assert.Throws<StateLoadException>(() => Vmsd.Load(new Sample(), FieldBytesV3()[..5], 3));
        Assert.StartsWith("sample: field 'u32': truncated input", ex.Message);
    }

    [Fact]
    public void EveryTruncationAndCorruptionFailsOnlyWithStateLoadException()
    {
        var state = Filled();
        state.Extra = 3;
        var good = Vmsd.Save(state);
        for (var length = 0; length < good.Length; length++)
        {
            if (length == FieldBytesV3().Length)
            {
                continue; // a stream without the optional subsection is valid
            }

            Assert.Throws<StateLoadException>(() => Vmsd.Load(new Sample(), good[..length], 3));
        }

        var random = new Random(1234);
        for (var i = 0; i < 500; i++)
        {
            var bad = (byte[])good.Clone();
            bad[random.Next(bad.Length)] = (byte)random.Next(256);
            var extra = new byte[random.Next(4)];
            random.NextBytes(extra);
            try
            {
                Vmsd.Load(new Sample(), (byte[])[.. bad, .. extra], 3);
            }
            catch (StateLoadException)
            {
            }
        }
    }

    [Fact]
    public void UnknownSubsectionWithOurPrefixIsRejected()
    {
        byte[] data = [.. FieldBytesV3(), 0x05, 10, .. "sample/bog"u8.ToArray(), 0, 0, 0, 1];
        var ex = Assert.Throws<StateLoadException>(() => Vmsd.Load(new Sample(), data, 3));
        Assert.Equal("sample: unknown subsection 'sample/bog'", ex.Message);
    }

    [Fact]
    public void TrailingBytesAfterTheSectionAreRejected()
    {
        var ex = Assert.Throws<StateLoadException>(() => Vmsd.Load(new Sample(), (byte[])[.. FieldBytesV3(), 0x00], 3));
        Assert.Contains("unexpected byte", ex.Message);
    }

    [Fact]
    public void SubsectionVersionIsCheckedAgainstItsOwnDescription()
    {
        byte[] data = [.. FieldBytesV3(), 0x05, 12, .. "sample/extra"u8.ToArray(), 0, 0, 0, 9, 0, 0, 0, 1];
        var ex = Assert.Throws<StateLoadException>(() => Vmsd.Load(new Sample(), data, 3));
        Assert.Equal("sample/extra: incoming version_id 9 is too new for local version_id 2", ex.Message);
    }

    [Fact]
    public void ResetRestoresDeclaredResetValues()
    {
        var state = Filled();
        state.Extra = 9;
        Vmsd.Reset(state);
        Assert.Equal(0x11, state.U8);
        Assert.Equal(0xdeadbeefu, state.U32);
        Assert.True(state.Flag);
        Assert.Equal(0UL, state.U64);
        Assert.Equal([0, 0, 0], state.Buf);
        Assert.Equal([0u, 0u], state.Regs);
        Assert.Equal(-1, state.TimerExpiry);
        Assert.Equal(0u, state.Extra);
    }

    [Fact]
    public void BoolLoadTreatsAnyNonZeroByteAsTrue()
    {
        var data = FieldBytesV3();
        data[30] = 0x7f;
        var target = new Sample();
        Vmsd.Load(target, data, 3);
        Assert.True(target.Flag);
    }

    [Fact]
    public void DescribeJsonHasVmdescShape()
    {
        var json = Vmsd.DescribeJson();
        Assert.StartsWith("{\"vmsd_name\":\"sample\",\"version\":3,\"fields\":[{\"name\":\"u8\",\"type\":\"uint8\",\"size\":1},", json);
        Assert.Contains("{\"name\":\"regs\",\"array_len\":2,\"type\":\"uint32\",\"size\":4}", json);
        Assert.Contains("{\"name\":\"buf\",\"type\":\"buffer\",\"size\":3}", json);
        Assert.Contains("{\"name\":\"timer\",\"type\":\"timer\",\"size\":8}", json);
        Assert.EndsWith("\"subsections\":[{\"vmsd_name\":\"sample/extra\",\"version\":2,\"fields\":[{\"name\":\"extra\",\"type\":\"uint32\",\"size\":4}]}]}", json);
    }

    [Fact]
    public void SubsectionMustBePrefixedByParentName()
    {
        var other = StateDescription<Sample>.Builder("other/x", 1, 1).Build();
        Assert.Throws<ArgumentException>(() => StateDescription<Sample>.Builder("sample", 1, 1).Subsection(other, _ => true));
    }

    [Fact]
    public void FieldNamesAreUnique()
    {
        Assert.Throws<ArgumentException>(() =>
            StateDescription<Sample>.Builder("x", 1, 1).UInt8("a", s => ref s.U8).UInt16("a", s => ref s.U16));
    }
}
