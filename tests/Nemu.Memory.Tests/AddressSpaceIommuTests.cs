// AddressSpace over IOMMU regions (QEMU address_space_translate_iommu, flatview_do_translate): CPU loads/stores,
// buffers and ROM loads translated by the access's attributes into the target address space, permission
// failures as decode errors, nested IOMMUs and aliases, and the RAM lookup for code caches.
using Nemu.Core;

namespace Nemu.Memory.Tests;

public sealed class AddressSpaceIommuTests
{
    private static readonly MemTxAttrs Secure = new(Secure: true);
    private static readonly MemTxAttrs NonSecure = default;

    private static GuestAddress A(ulong v) => new(v);

    // cpu AS: IOMMU "upstream" (64 KiB) at 0x2000_0000; Secure → downstream RAM, Non-secure → blocked I/O.
    private static (MemorySystem System, AddressSpace Cpu, MemoryRegion Root, MemoryRegion Upstream, TestIommu Mpc, AddressSpace Down, MemoryRegion Ram, TestOps Blocked) Mpc(ulong blockMask = 0x3FF)
    {
        var system = new MemorySystem();
        var ram = MemoryRegion.CreateRam("ram", 0x1_0000);
        var down = new AddressSpace(system, "downstream", ram);
        var blockedOps = new TestOps();
        var blocked = new AddressSpace(system, "blocked", MemoryRegion.CreateIo("blocked-io", 0x1_0000, blockedOps));
        var mpc = new TestIommu(blockMask)
        {
            Route = (block, index) => index == TestIommu.NonSecureIndex ? (blocked, block, IommuAccess.ReadWrite) : (down, block, IommuAccess.ReadWrite),
        };
        var upstream = MemoryRegion.CreateIommu("upstream", 0x1_0000, mpc);
        var root = MemoryRegion.CreateContainer("system", ulong.MaxValue);
        root.AddSubregion(0x2000_0000, upstream);
        var cpu = new AddressSpace(system, "cpu", root);
        return (system, cpu, root, upstream, mpc, down, ram, blockedOps);
    }

    [Fact]
    public void TranslationByIndexSelectsTheTarget()
    {
        var m = Mpc();

        Assert.Equal(MemTxResult.Ok, m.Cpu.Write(A(0x2000_0010), 0xCAFEF00D, 4, Secure));
        m.Down.Read(A(0x10), 4, Secure, out var inRam);
        Assert.Equal(0xCAFEF00DUL, inRam);
        Assert.Equal(MemTxResult.Ok, m.Cpu.Read(A(0x2000_0010), 4, Secure, out var back));
        Assert.Equal(0xCAFEF00DUL, back);

        m.Cpu.Read(A(0x2000_0010), 4, NonSecure, out var blocked);
        m.Cpu.Write(A(0x2000_0020), 7, 2, NonSecure);
        Assert.Equal(["R 10 4", "W 20 7 2"], m.Blocked.Calls);
        Assert.Equal(0x55667798UL, blocked);
        Assert.Equal(IommuAccess.Write, m.Mpc.LastAccess);
    }

    [Fact]
    public void PermissionDeniedIsADecodeError()
    {
        var m = Mpc();
        m.Cpu.Write(A(0x2000_0400), 0x1234, 4, Secure);
        m.Mpc.Route = (block, index) => (m.Down, block, block == 0x400 ? IommuAccess.Read : IommuAccess.None);

        Assert.Equal(MemTxResult.DecodeError, m.Cpu.Write(A(0x2000_0400), 0xFFFF, 4, Secure));
        Assert.Equal(MemTxResult.Ok, m.Cpu.Read(A(0x2000_0400), 4, Secure, out var kept));
        Assert.Equal(0x1234UL, kept);
        Assert.Equal(MemTxResult.DecodeError, m.Cpu.Read(A(0x2000_0800), 4, Secure, out var denied));
        Assert.Equal(0UL, denied);
        Assert.Equal(MemTxResult.DecodeError, m.Cpu.WriteBuffer(A(0x2000_0400), [1, 2], Secure));
        Assert.False(m.Cpu.TryGetRamBlock(A(0x2000_0800), Secure, out _, out _));
    }

    [Fact]
    public void MissingTargetIsADecodeError()
    {
        var m = Mpc();
        m.Mpc.Route = static (_, _) => (null, 0, IommuAccess.ReadWrite);

        Assert.Equal(MemTxResult.DecodeError, m.Cpu.Read(A(0x2000_0000), 4, Secure, out var v));
        Assert.Equal(0UL, v);
        Assert.Equal(MemTxResult.DecodeError, m.Cpu.Write(A(0x2000_0000), 1, 4, Secure));
    }

    [Fact]
    public void TranslatedAddressReplacesTheBlockBitsOnly()
    {
        var m = Mpc(blockMask: 0xFF);

        // Block n of the IOMMU goes to block (0xFF - n) of the RAM; a translated address with low bits set is masked.
        m.Mpc.Route = (block, _) => (m.Down, ((0xFF - (block >> 8)) << 8) | 0x7F, IommuAccess.ReadWrite);
        m.Cpu.Write(A(0x2000_0104), 0xAB, 1, Secure);

        m.Down.Read(A(0xFE04), 1, Secure, out var v);
        Assert.Equal(0xABUL, v);
    }

    [Fact]
    public void AccessStraddlingTwoTranslationBlocksIsSplit()
    {
        var m = Mpc(blockMask: 0xFF);
        m.Mpc.Route = (block, _) => (m.Down, 0xFF00 - block, IommuAccess.ReadWrite);

        Assert.Equal(MemTxResult.Ok, m.Cpu.Write(A(0x2000_00FE), 0x44332211, 4, Secure));

        m.Down.Read(A(0xFFFE), 2, Secure, out var low);
        m.Down.Read(A(0xFE00), 2, Secure, out var high);
        Assert.Equal(0x2211UL, low);
        Assert.Equal(0x4433UL, high);
        m.Cpu.Read(A(0x2000_00FE), 4, Secure, out var back);
        Assert.Equal(0x44332211UL, back);
    }

    [Fact]
    public void BuffersCrossIntoAndThroughAnIommuRegion()
    {
        var m = Mpc(blockMask: 0xFF);
        m.Root.AddSubregion(0x1FFF_FF00, MemoryRegion.CreateRam("front", 0x100));

        // Blocks land in reverse order, so a buffer must be cut at every translation block.
        m.Mpc.Route = (block, index) => (m.Down, 0xFF00 - block, index == TestIommu.SecureIndex ? IommuAccess.ReadWrite : IommuAccess.None);
        var data = new byte[0x300];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = (byte)(i * 7);
        }

        Assert.Equal(MemTxResult.Ok, m.Cpu.WriteBuffer(A(0x1FFF_FF80), data, Secure));

        var front = new byte[0x80];
        m.Cpu.ReadBuffer(A(0x1FFF_FF80), front, Secure);
        Assert.Equal(data[..0x80], front);
        var inRam = new byte[0x100];
        m.Down.ReadBuffer(A(0xFF00), inRam, Secure);
        Assert.Equal(data[0x80..0x180], inRam);
        m.Down.ReadBuffer(A(0xFE00), inRam, Secure);
        Assert.Equal(data[0x180..0x280], inRam);

        var back = new byte[0x300];
        Assert.Equal(MemTxResult.Ok, m.Cpu.ReadBuffer(A(0x1FFF_FF80), back, Secure));
        Assert.Equal(data, back);

        // Non-secure: the front RAM reads, the IOMMU part is denied (zeros, decode error).
        Assert.Equal(MemTxResult.DecodeError, m.Cpu.ReadBuffer(A(0x1FFF_FF80), back, NonSecure));
        Assert.Equal(data[..0x80], back[..0x80]);
        Assert.All(back[0x80..], b => Assert.Equal(0, b));
    }

    [Fact]
    public void LoaderWritesUseUnspecifiedAttributes()
    {
        var m = Mpc();
        var other = MemoryRegion.CreateRam("loader-view", 0x1_0000);
        var loaderTarget = new AddressSpace(m.System, "loader-target", other);
        m.Mpc.Route = (block, index) => index == TestIommu.UnspecifiedIndex ? (loaderTarget, block, IommuAccess.Write) : (m.Down, block, IommuAccess.ReadWrite);

        m.Cpu.WriteRomBlob(A(0x2000_0100), [1, 2, 3, 4]);
        m.Cpu.WriteBuffer(A(0x2000_0200), [5, 6], MemTxAttrs.UnspecifiedAttrs);

        loaderTarget.Read(A(0x100), 4, default, out var rom);
        loaderTarget.Read(A(0x200), 2, default, out var buf);
        m.Down.Read(A(0x100), 4, default, out var untouched);
        Assert.Equal(0x04030201UL, rom);
        Assert.Equal(0x0605UL, buf);
        Assert.Equal(0UL, untouched);
    }

    [Fact]
    public void RomLoadSkipsOnlyTheDeniedBlocks()
    {
        var m = Mpc(blockMask: 0xFF);
        m.Mpc.Route = (block, _) => (m.Down, block, block == 0x100 ? IommuAccess.Read : IommuAccess.ReadWrite);

        m.Cpu.WriteRomBlob(A(0x2000_0000), Enumerable.Repeat((byte)0x5A, 0x300).ToArray());

        m.Down.Read(A(0xFF), 1, default, out var before);
        m.Down.Read(A(0x100), 1, default, out var denied);
        m.Down.Read(A(0x200), 1, default, out var after);
        Assert.Equal((0x5AUL, 0UL, 0x5AUL), (before, denied, after));
    }

    [Fact]
    public void NestedIommusTranslateInTurn()
    {
        var system = new MemorySystem();
        var ram = MemoryRegion.CreateRam("ram", 0x1_0000);
        var down = new AddressSpace(system, "down", ram);
        var inner = new TestIommu(0x3FF) { Route = (block, _) => (down, block ^ 0x8000, IommuAccess.ReadWrite) };
        var midRoot = MemoryRegion.CreateContainer("mid", 0x1_0000);
        midRoot.AddSubregion(0, MemoryRegion.CreateIommu("inner", 0x1_0000, inner));
        var mid = new AddressSpace(system, "mid", midRoot);
        var outer = new TestIommu(0xFFF) { Route = (block, _) => (mid, block + 0x1000, IommuAccess.ReadWrite) };
        var root = MemoryRegion.CreateContainer("system", ulong.MaxValue);
        root.AddSubregion(0x1000_0000, MemoryRegion.CreateIommu("outer", 0x8000, outer));
        var cpu = new AddressSpace(system, "cpu", root);

        Assert.Equal(MemTxResult.Ok, cpu.Write(A(0x1000_0010), 0xBEEF, 2, default));

        down.Read(A(0x9010), 2, default, out var v);
        Assert.Equal(0xBEEFUL, v);
        Assert.True(cpu.TryGetRamBlock(A(0x1000_0010), default, out var block, out var offset, out var length));
        Assert.Same(ram.RamBlock, block);
        Assert.Equal(0x9010UL, offset);
        Assert.Equal(0x400UL - 0x10, length);
    }

    [Fact]
    public void AliasOfAnIommuRegionTranslatesAtTheAliasOffset()
    {
        var m = Mpc();
        m.Root.AddSubregion(0x3000_0000, MemoryRegion.CreateAlias("alias", m.Upstream, 0x800, 0x800));

        m.Cpu.Write(A(0x3000_0004), 0x77, 1, Secure);

        m.Down.Read(A(0x804), 1, Secure, out var v);
        Assert.Equal(0x77UL, v);
        Assert.True(m.Cpu.TryGetRamBlock(A(0x3000_0004), Secure, out _, out var offset));
        Assert.Equal(0x804UL, offset);
    }

    [Fact]
    public void TranslationCycleEndsInADecodeError()
    {
        var system = new MemorySystem();
        var mpc = new TestIommu(0xFFF);
        var root = MemoryRegion.CreateContainer("system", ulong.MaxValue);
        root.AddSubregion(0, MemoryRegion.CreateIommu("loop", 0x1_0000, mpc));
        var cpu = new AddressSpace(system, "cpu", root);
        mpc.Route = (block, _) => (cpu, block, IommuAccess.ReadWrite);

        Assert.Equal(MemTxResult.DecodeError, cpu.Read(A(0x10), 4, default, out _));
        Assert.Equal(MemTxResult.DecodeError, cpu.Write(A(0x10), 1, 4, default));
        Assert.Equal(MemTxResult.DecodeError, cpu.ReadBuffer(A(0x10), new byte[4], default));
        Assert.False(cpu.TryGetRamBlock(A(0x10), default, out _, out _));
    }

    [Fact]
    public void RamLookupWithoutAttributesDoesNotFollowAnIommu()
    {
        var m = Mpc();

        Assert.False(m.Cpu.TryGetRamBlock(A(0x2000_0000), out var block, out _));
        Assert.Null(block);
        Assert.True(m.Cpu.TryGetRamBlock(A(0x2000_0404), Secure, out block, out var offset, out var length));
        Assert.Same(m.Ram.RamBlock, block);
        Assert.Equal(0x404UL, offset);
        Assert.Equal(0x3FCUL, length);
        Assert.False(m.Cpu.TryGetRamBlock(A(0x2000_0404), NonSecure, out _, out _));
    }

    [Fact]
    public void NotificationRaisesTranslationsChangedOnTheAddressSpacesThatUseTheRegion()
    {
        var m = Mpc();
        var unrelated = new AddressSpace(m.System, "unrelated", MemoryRegion.CreateRam("other", 0x1000));
        var raised = new List<string>();
        m.Cpu.TranslationsChanged += () => raised.Add("cpu " + m.Cpu.TranslationGeneration);
        m.Down.TranslationsChanged += () => raised.Add("down");
        unrelated.TranslationsChanged += () => raised.Add("unrelated");
        var changed = new List<(ulong, ulong)>();
        m.Upstream.IommuChanged += (offset, length) => changed.Add((offset, length));

        m.Upstream.NotifyIommu(0x400, 0x400);

        Assert.Equal(["cpu 1"], raised);
        Assert.Equal([(0x400UL, 0x400UL)], changed);
    }

    [Fact]
    public void DisposedAddressSpaceIsNotNotified()
    {
        var m = Mpc();
        var second = new AddressSpace(m.System, "second", m.Root);
        var raised = 0;
        second.TranslationsChanged += () => raised++;

        second.Dispose();
        m.Upstream.NotifyIommu(0, 0x1_0000);

        Assert.Equal(0, raised);
    }

    [Fact]
    public void IommuSectionIsNeverDirect()
    {
        var m = Mpc();

        var sections = m.Cpu.GetSections();

        var s = Assert.Single(sections, s => s.Region == m.Upstream);
        Assert.Equal(0x2000_0000UL, s.OffsetWithinAddressSpace);
        Assert.False(m.Cpu.TryGetRamBlock(A(0x2000_0000), out _, out _));
    }

    [Fact]
    public void AccessesThroughAnIommuToRamAllocateNothing()
    {
        var m = Mpc();
        var quiet = new AddressSpace(m.System, "quiet", MemoryRegion.CreateIo("quiet-io", 0x1_0000, NullOps.Instance));
        m.Mpc.Route = (block, index) => index == TestIommu.NonSecureIndex ? (quiet, block, IommuAccess.ReadWrite) : (m.Down, block, IommuAccess.ReadWrite);
        Span<byte> buffer = stackalloc byte[64];

        void Run(Span<byte> buf)
        {
            for (ulong i = 0; i < 2000; i++)
            {
                var a = 0x2000_0000 + ((i * 0x44) & 0xFFF8);
                m.Cpu.Write(A(a), i, 4, Secure);
                m.Cpu.Read(A(a), 4, Secure, out _);
                m.Cpu.Read(A(a), 4, NonSecure, out _);
                m.Cpu.ReadBuffer(A(a), buf, Secure);
                m.Cpu.WriteBuffer(A(a), buf, Secure);
                m.Cpu.TryGetRamBlock(A(a), Secure, out _, out _);
            }
        }

        Run(buffer);
        var before = GC.GetAllocatedBytesForCurrentThread();
        Run(buffer);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
