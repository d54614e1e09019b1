// QEMU's -object memory-backend-memfd (hostmem-memfd.c): memfd_create + ftruncate + mmap, optional
// MFD_HUGETLB, and by default sealed against shrinking/growing (F_SEAL_GROW|F_SEAL_SHRINK|F_SEAL_SEAL) so a
// peer that maps the fd cannot be surprised by a size change. Not modelled: hugetlbsize selection.
using Nemu.Core.Interop;

namespace Nemu.Memory.Backends;

/// <summary>Guest RAM in a memfd that can be shared with another process (QEMU's <c>memory-backend-memfd</c>).</summary>
public sealed class MemfdMemoryBackend : HostMemoryBackend
{
    public MemfdMemoryBackend(ulong size, bool share = true, bool hugetlb = false, bool seal = true, string name = "memory-backend-memfd")
        : base(size, share)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("memory-backend-memfd requires Linux");
        }

        var flags = LibC.MfdCloExec | (hugetlb ? LibC.MfdHugetlb : 0) | (seal ? LibC.MfdAllowSealing : 0);
        var fd = LibC.MemfdCreate(name, flags);
        if (fd < 0)
        {
            throw new InvalidOperationException($"cannot create memfd '{name}': {Errno.LastText()}");
        }

        if (LibC.Ftruncate(fd, (long)size) != 0)
        {
            var error = Errno.LastText();
            _ = LibC.Close(fd);
            throw new InvalidOperationException($"cannot set memfd '{name}' to 0x{size:x} bytes: {error}");
        }

        if (seal && LibC.Fcntl(fd, LibC.FAddSeals, LibC.FSealGrow | LibC.FSealShrink | LibC.FSealSeal) != 0)
        {
            var error = Errno.LastText();
            _ = LibC.Close(fd);
            throw new InvalidOperationException($"cannot seal memfd '{name}': {error}");
        }

        Hugetlb = hugetlb;
        Sealed = seal;
        Block = RamBlock.MapFd(name, fd, size, share);
    }

    /// <summary>Whether MFD_HUGETLB was requested.</summary>
    public bool Hugetlb { get; }

    /// <summary>Whether the fd carries F_SEAL_GROW|F_SEAL_SHRINK|F_SEAL_SEAL.</summary>
    public bool Sealed { get; }

    /// <inheritdoc/>
    public override RamBlock Block { get; }

    /// <summary>The seals currently on the fd (F_GET_SEALS), for checks and tests.</summary>
    public int GetSeals() => LibC.Fcntl(Fd, LibC.FGetSeals, 0);
}
