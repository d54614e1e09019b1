// QEMU's -object memory-backend-ram: anonymous host memory (hostmem-ram.c).
namespace Nemu.Memory.Backends;

/// <summary>Anonymous, zero-filled host memory (QEMU's <c>memory-backend-ram</c>).</summary>
public sealed class RamMemoryBackend : HostMemoryBackend
{
    public RamMemoryBackend(ulong size, bool share = false, string name = "ram")
        : base(size, share)
    {
        Block = RamBlock.AllocateAnonymous(name, size, share);
    }

    /// <inheritdoc/>
    public override RamBlock Block { get; }
}
