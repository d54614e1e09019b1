// QEMU's -object memory-backend-* (hostmem.c): an object that owns the host memory for guest RAM.
// Not modelled: prealloc, NUMA policy, dump/merge madvise flags, file backends.
namespace Nemu.Memory.Backends;

/// <summary>The host memory behind a RAM region (QEMU's HostMemoryBackend).</summary>
public abstract class HostMemoryBackend : IDisposable
{
    private protected HostMemoryBackend(ulong size, bool share)
    {
        Size = size;
        Share = share;
    }

    /// <summary>Size in bytes (the <c>size=</c> property).</summary>
    public ulong Size { get; }

    /// <summary>Whether the mapping is MAP_SHARED (the <c>share=</c> property).</summary>
    public bool Share { get; }

    /// <summary>The mapping; allocated when the backend is created.</summary>
    public abstract RamBlock Block { get; }

    /// <summary>The file descriptor another process can map, or -1.</summary>
    public int Fd => Block.Fd;

    /// <inheritdoc/>
    public void Dispose()
    {
        Block.Dispose();
        GC.SuppressFinalize(this);
    }
}
