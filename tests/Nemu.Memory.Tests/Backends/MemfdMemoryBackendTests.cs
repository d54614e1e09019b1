// QEMU's memory-backend-memfd / memory-backend-ram behaviour (pci.md §1.1 RAM), and the interop layer.
using Nemu.Core;
using Nemu.Core.Interop;
using Nemu.Memory.Backends;

namespace Nemu.Memory.Tests.Backends;

public sealed class MemfdMemoryBackendTests
{
    [Fact]
    public void SealedMemfdCarriesShrinkGrowAndSealSeals()
    {
        using var backend = new MemfdMemoryBackend(0x10000);
        Assert.True(backend.Fd >= 0);
        var seals = backend.GetSeals();
        Assert.Equal(LibC.FSealGrow | LibC.FSealShrink | LibC.FSealSeal, seals & (LibC.FSealGrow | LibC.FSealShrink | LibC.FSealSeal));
        Assert.NotEqual(0, LibC.Ftruncate(backend.Fd, 0x20000));
    }

    [Fact]
    public void UnsealedMemfdCanBeResizedByItsOwner()
    {
        using var backend = new MemfdMemoryBackend(0x1000, seal: false);
        Assert.Equal(0, LibC.Ftruncate(backend.Fd, 0x1000));
        Assert.False(backend.Sealed);
    }

    [Fact]
    public unsafe void SharedMemfdIsVisibleThroughASecondMappingOfTheFd()
    {
        using var backend = new MemfdMemoryBackend(0x1000);
        var root = MemoryRegion.CreateContainer("system", ulong.MaxValue);
        root.AddSubregion(0x8000_0000, MemoryRegion.CreateRam("ram", backend));
        var space = new AddressSpace(new MemorySystem(), "memory", root);
        Assert.Equal(MemTxResult.Ok, space.Write(new GuestAddress(0x8000_0100), 0xCAFEF00D, 4, default));

        var peer = LibC.Mmap(0, 0x1000, LibC.ProtRead, LibC.MapShared, backend.Fd, 0);
        Assert.NotEqual(LibC.MapFailed, peer);
        try
        {
            Assert.Equal(0xCAFEF00Du, *(uint*)(peer + 0x100));
        }
        finally
        {
            _ = LibC.Munmap(peer, 0x1000);
        }
    }

    [Fact]
    public void RamBackendIsZeroFilledAndUnmappedOnDispose()
    {
        var backend = new RamMemoryBackend(0x2000);
        Assert.Equal(-1, backend.Fd);
        Assert.All(backend.Block.AsSpan(0, 0x2000).ToArray(), b => Assert.Equal(0, b));
        backend.Dispose();
        Assert.True(backend.Block.IsDisposed);
        Assert.Throws<ObjectDisposedException>(() => backend.Block.AsSpan(0, 1));
    }

    [Fact]
    public void RamBlockSpanIsBoundsChecked()
    {
        using var backend = new RamMemoryBackend(0x100);
        Assert.Throws<ArgumentOutOfRangeException>(() => backend.Block.AsSpan(0xF0, 0x20));
    }
}
