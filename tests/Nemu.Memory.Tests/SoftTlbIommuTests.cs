// SoftTlb.Fill with attributes (tlb_set_page_with_attrs over address_space_translate_for_iotlb): pages behind an
// IOMMU region are cached when one translation covers the page and grants the access, hits cost no translation,
// and a notification of any IOMMU region on the way flushes the table so the next access translates again.
using Nemu.Core;

namespace Nemu.Memory.Tests;

public sealed class SoftTlbIommuTests
{
    private const int PageShift = 10;
    private static readonly MemTxAttrs Secure = new(Secure: true);
    private static readonly MemTxAttrs NonSecure = default;

    private static GuestAddress A(ulong v) => new(v);

    // cpu AS: IOMMU "upstream" (64 KiB) at 0x2000_0000; Secure → RAM "a" (or "b"), Non-secure → I/O.
    private sealed class World
    {
        public World(ulong blockMask = 0x3FF)
        {
            System = new MemorySystem();
            RamA = MemoryRegion.CreateRam("a", 0x1_0000);
            RamB = MemoryRegion.CreateRam("b", 0x1_0000);
            DownA = new AddressSpace(System, "down-a", RamA);
            DownB = new AddressSpace(System, "down-b", RamB);
            Blocked = new AddressSpace(System, "blocked", MemoryRegion.CreateIo("blocked-io", 0x1_0000, NullOps.Instance));
            Mpc = new TestIommu(blockMask);
            RouteSecureTo(DownA, IommuAccess.ReadWrite);
            Upstream = MemoryRegion.CreateIommu("upstream", 0x1_0000, Mpc);
            Root = MemoryRegion.CreateContainer("system", ulong.MaxValue);
            Root.AddSubregion(0x2000_0000, Upstream);
            Cpu = new AddressSpace(System, "cpu", Root);
            Tlb = new SoftTlb(Cpu, PageShift);
        }

        public MemorySystem System { get; }

        public MemoryRegion RamA { get; }

        public MemoryRegion RamB { get; }

        public AddressSpace DownA { get; }

        public AddressSpace DownB { get; }

        public AddressSpace Blocked { get; }

        public TestIommu Mpc { get; }

        public MemoryRegion Upstream { get; }

        public MemoryRegion Root { get; }

        public AddressSpace Cpu { get; }

        public SoftTlb Tlb { get; }

        public void RouteSecureTo(AddressSpace target, IommuAccess perm)
        {
            var blocked = Blocked;
            Mpc.Route = (block, index) => index == TestIommu.NonSecureIndex ? (blocked, block, IommuAccess.ReadWrite) : (target, block, perm);
        }
    }

    [Fact]
    public void PageBehindAnIommuHitsWithoutTranslatingAgain()
    {
        var w = new World();
        w.DownA.Write(A(0x404), 0x11223344, 4, Secure);

        Assert.True(w.Tlb.Fill(0x2000_0404, write: false, Secure, allowRead: true, allowWrite: true));
        var translations = w.Mpc.Translations;

        Assert.True(w.Tlb.TryRead(0x2000_0404, 4, out var v));
        Assert.True(w.Tlb.TryWrite(0x2000_0408, 0x55, 1));
        Assert.Equal(0x11223344UL, v);
        w.DownA.Read(A(0x408), 1, Secure, out var written);
        Assert.Equal(0x55UL, written);
        Assert.Equal(translations, w.Mpc.Translations);
        Assert.Equal(IommuAccess.None, w.Mpc.LastAccess);
    }

    [Fact]
    public void IommuPermissionLimitsTheCachedAccessKinds()
    {
        var w = new World();
        w.RouteSecureTo(w.DownA, IommuAccess.Read);

        Assert.False(w.Tlb.Fill(0x2000_0000, write: true, Secure, allowRead: true, allowWrite: true));
        Assert.True(w.Tlb.TryRead(0x2000_0000, 4, out _));
        Assert.False(w.Tlb.TryWrite(0x2000_0000, 1, 4));
        Assert.Equal(MemTxResult.DecodeError, w.Cpu.Write(A(0x2000_0000), 1, 4, Secure));
    }

    [Fact]
    public void CallerProtectionStillApplies()
    {
        var w = new World();

        Assert.False(w.Tlb.Fill(0x2000_0000, write: false, Secure, allowRead: false, allowWrite: true));
        Assert.False(w.Tlb.TryRead(0x2000_0000, 4, out _));
        Assert.True(w.Tlb.TryWrite(0x2000_0000, 1, 4));
    }

    [Fact]
    public void BlockedIndexIsNotCached()
    {
        var w = new World();

        Assert.False(w.Tlb.Fill(0x2000_0000, write: false, NonSecure, allowRead: true, allowWrite: true));
        Assert.False(w.Tlb.TryRead(0x2000_0000, 4, out _));
    }

    [Fact]
    public void FillWithoutAttributesDoesNotCacheAPageBehindAnIommu()
    {
        var w = new World();

        Assert.False(w.Tlb.Fill(0x2000_0000, write: false));
        Assert.False(w.Tlb.Fill(0x2000_0000, write: false, allowRead: true, allowWrite: true));
        Assert.False(w.Tlb.TryRead(0x2000_0000, 4, out _));
    }

    [Fact]
    public void FillWithAttributesOnPlainRamIsAPlainFill()
    {
        var w = new World();
        w.Root.AddSubregion(0x1000_0000, MemoryRegion.CreateRam("plain", 0x1000));
        var rom = MemoryRegion.CreateRom("rom", 0x1000);
        w.Root.AddSubregion(0x0, rom);

        Assert.True(w.Tlb.Fill(0x1000_0400, write: true, Secure, allowRead: true, allowWrite: true));
        Assert.True(w.Tlb.TryWrite(0x1000_0400, 1, 4));
        Assert.False(w.Tlb.Fill(0x400, write: true, Secure, allowRead: true, allowWrite: true));
        Assert.True(w.Tlb.TryRead(0x400, 4, out _));
        Assert.Equal(0, w.Mpc.Translations);
    }

    [Fact]
    public void TranslationBlockSmallerThanThePageIsNotCached()
    {
        var w = new World(blockMask: 0x1F);

        Assert.False(w.Tlb.Fill(0x2000_0000, write: false, Secure, allowRead: true, allowWrite: true));
        Assert.False(w.Tlb.TryRead(0x2000_0000, 4, out _));
        Assert.Equal(MemTxResult.Ok, w.Cpu.Write(A(0x2000_0024), 9, 4, Secure));
        w.DownA.Read(A(0x24), 4, Secure, out var v);
        Assert.Equal(9UL, v);
    }

    [Fact]
    public void PagePartlyCoveredByTheIommuRegionIsNotCached()
    {
        var w = new World();
        w.Root.AddSubregion(0x3000_0000, MemoryRegion.CreateAlias("half", w.Upstream, 0, 0x200));

        Assert.False(w.Tlb.Fill(0x3000_0000, write: false, Secure, allowRead: true, allowWrite: true));
    }

    [Fact]
    public void NotificationFlushesPagesFilledThroughTheRegionAndTheNextAccessTranslatesAgain()
    {
        var w = new World();
        w.DownA.Write(A(0x800), 0xA, 4, Secure);
        w.DownB.Write(A(0x800), 0xB, 4, Secure);
        Assert.True(w.Tlb.Fill(0x2000_0800, write: false, Secure, allowRead: true, allowWrite: true));
        Assert.True(w.Tlb.TryRead(0x2000_0800, 4, out var first));

        w.RouteSecureTo(w.DownB, IommuAccess.ReadWrite);
        w.Upstream.NotifyIommu(0x800, 0x400);

        Assert.False(w.Tlb.TryRead(0x2000_0800, 4, out _));
        Assert.True(w.Tlb.Fill(0x2000_0800, write: false, Secure, allowRead: true, allowWrite: true));
        Assert.True(w.Tlb.TryRead(0x2000_0800, 4, out var second));
        Assert.Equal((0xAUL, 0xBUL), (first, second));
    }

    [Fact]
    public void NotificationOfANestedRegionFlushesTheOuterTlb()
    {
        var system = new MemorySystem();
        var down = new AddressSpace(system, "down", MemoryRegion.CreateRam("ram", 0x1_0000));
        var inner = new TestIommu(0xFFF) { Route = (block, _) => (down, block, IommuAccess.ReadWrite) };
        var innerRegion = MemoryRegion.CreateIommu("inner", 0x1_0000, inner);
        var midRoot = MemoryRegion.CreateContainer("mid", 0x1_0000);
        midRoot.AddSubregion(0, innerRegion);
        var mid = new AddressSpace(system, "mid", midRoot);
        var outer = new TestIommu(0xFFF) { Route = (block, _) => (mid, block, IommuAccess.ReadWrite) };
        var root = MemoryRegion.CreateContainer("system", ulong.MaxValue);
        root.AddSubregion(0x1000_0000, MemoryRegion.CreateIommu("outer", 0x1_0000, outer));
        var cpu = new AddressSpace(system, "cpu", root);
        using var tlb = new SoftTlb(cpu, PageShift);
        var raised = 0;
        cpu.TranslationsChanged += () => raised++;
        Assert.True(tlb.Fill(0x1000_0000, write: true, default, allowRead: true, allowWrite: true));

        inner.Route = static (_, _) => (null, 0, IommuAccess.None);
        innerRegion.NotifyIommu(0, 0x1_0000);

        Assert.False(tlb.TryRead(0x1000_0000, 4, out _));
        Assert.False(tlb.Fill(0x1000_0000, write: false, default, allowRead: true, allowWrite: true));
        Assert.Equal(1, raised);
    }

    [Fact]
    public void AliasOfAnIommuRegionFillsFromTheTranslatedPage()
    {
        var w = new World();
        w.Root.AddSubregion(0x3000_0000, MemoryRegion.CreateAlias("alias", w.Upstream, 0x1000, 0x1000));
        w.DownA.Write(A(0x1404), 0x99, 1, Secure);

        Assert.True(w.Tlb.Fill(0x3000_0404, write: false, Secure, allowRead: true, allowWrite: true));
        Assert.True(w.Tlb.TryRead(0x3000_0404, 1, out var v));
        Assert.Equal(0x99UL, v);
    }

    [Fact]
    public void HitsAndFillsThroughAnIommuAllocateNothing()
    {
        var w = new World();

        void Run()
        {
            for (ulong i = 0; i < 4000; i++)
            {
                // 64 pages over a 256-entry table, filled again after every flush.
                var a = 0x2000_0000 + ((i * 0x404) & 0xFFFC);
                if (!w.Tlb.TryWrite(a, i, 4))
                {
                    w.Tlb.Fill(a, write: true, Secure, allowRead: true, allowWrite: true);
                    w.Tlb.TryWrite(a, i, 4);
                }

                w.Tlb.TryRead(a, 4, out _);
                w.Tlb.Fill(a, write: false, NonSecure, allowRead: true, allowWrite: true);
                if ((i & 0x3FF) == 0)
                {
                    w.Upstream.NotifyIommu(0, 0x1_0000);
                }
            }
        }

        Run();
        var before = GC.GetAllocatedBytesForCurrentThread();
        Run();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
