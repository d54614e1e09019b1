// QEMU's RAMBlock (pci.md §1.1 "RAM: direct host memory"): one host mapping per block. Guest accesses are
// bounds-checked by the dispatch code against Size before the host pointer is used, so a guest can never make
// the host touch memory outside the block. Not modelled: resizeable blocks, dirty bitmaps, migration.
using System.Runtime.InteropServices;
using Nemu.Core.Interop;

namespace Nemu.Memory.Backends;

/// <summary>
/// One contiguous host mapping that backs a RAM, ROM or ROM-device region. Disposing unmaps it;
/// later accesses through the memory API see no memory (decode error) rather than freed memory.
/// </summary>
public sealed unsafe class RamBlock : IDisposable
{
    private readonly bool _mmapped;
    private readonly bool _ownsFd;
    private byte* _host;
    private CodePageTracker? _codePages;

    internal RamBlock(string name, byte* host, ulong size, bool mmapped, int fd, bool ownsFd)
    {
        Name = name;
        _host = host;
        Size = size;
        _mmapped = mmapped;
        Fd = fd;
        _ownsFd = ownsFd;
    }

    ~RamBlock() => Release();

    /// <summary>The block's identifier (QEMU's idstr).</summary>
    public string Name { get; }

    /// <summary>Length of the mapping in bytes.</summary>
    public ulong Size { get; }

    /// <summary>The memfd backing the block, or -1 for anonymous memory; another process may map it (vfio-user).</summary>
    public int Fd { get; private set; }

    /// <summary>True once the mapping has been released.</summary>
    public bool IsDisposed => _host == null;

    /// <summary>The code-page marks of this block (created on first use by a CPU that caches decoded code).</summary>
    public CodePageTracker CodePages => _codePages ??= new CodePageTracker(Size);

    /// <summary>The tracker if a CPU ever asked for one; the write paths test only this.</summary>
    internal CodePageTracker? CodePagesIfAny => _codePages;

    /// <summary>The host pointer; null after disposal. Read once per access by the dispatch code.</summary>
    internal byte* Host => _host;

    /// <summary>A bounds-checked view of <paramref name="length"/> bytes at <paramref name="offset"/>.</summary>
    public Span<byte> AsSpan(ulong offset, int length)
    {
        var host = _host;
        ObjectDisposedException.ThrowIf(host == null, this);
        if (length < 0 || offset > Size || (ulong)length > Size - offset)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), $"[0x{offset:x}, +0x{length:x}) is outside RAM block '{Name}' of 0x{Size:x} bytes");
        }

        return new Span<byte>(host + offset, length);
    }

    /// <summary>Allocates zeroed anonymous memory (private, or shared when <paramref name="share"/>).</summary>
    internal static RamBlock AllocateAnonymous(string name, ulong size, bool share)
    {
        if (size == 0)
        {
            return new RamBlock(name, (byte*)NativeMemory.AllocZeroed(1), 0, mmapped: false, fd: -1, ownsFd: false);
        }

        if (!OperatingSystem.IsLinux())
        {
            return new RamBlock(name, (byte*)NativeMemory.AllocZeroed((nuint)size), size, mmapped: false, fd: -1, ownsFd: false);
        }

        var flags = (share ? LibC.MapShared : LibC.MapPrivate) | LibC.MapAnonymous | LibC.MapNoReserve;
        var p = LibC.Mmap(0, (nuint)size, LibC.ProtRead | LibC.ProtWrite, flags, -1, 0);
        if (p == LibC.MapFailed)
        {
            throw new InvalidOperationException($"cannot allocate 0x{size:x} bytes of guest RAM for '{name}': {Errno.LastText()}");
        }

        return new RamBlock(name, (byte*)p, size, mmapped: true, fd: -1, ownsFd: false);
    }

    /// <summary>Maps <paramref name="fd"/> (already sized) and takes ownership of it.</summary>
    internal static RamBlock MapFd(string name, int fd, ulong size, bool share)
    {
        var flags = share ? LibC.MapShared : LibC.MapPrivate;
        var p = LibC.Mmap(0, (nuint)Math.Max(size, 1), LibC.ProtRead | LibC.ProtWrite, flags, fd, 0);
        if (p == LibC.MapFailed)
        {
            var error = Errno.LastText();
            _ = LibC.Close(fd);
            throw new InvalidOperationException($"cannot map memfd for '{name}': {error}");
        }

        return new RamBlock(name, (byte*)p, size, mmapped: true, fd, ownsFd: true);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Release();
        GC.SuppressFinalize(this);
    }

    private void Release()
    {
        var host = _host;
        if (host == null)
        {
            return;
        }

        _host = null;
        if (_mmapped)
        {
            _ = LibC.Munmap((nint)host, (nuint)Math.Max(Size, 1));
        }
        else
        {
            NativeMemory.Free(host);
        }

        if (_ownsFd && Fd >= 0)
        {
            _ = LibC.Close(Fd);
            Fd = -1;
        }
    }
}
