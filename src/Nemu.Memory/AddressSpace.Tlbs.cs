// The software TLBs caching this address space's RAM (see SoftTlb): registered by their constructor and flushed
// whenever the address space switches to another FlatView (QEMU flushes every CPU's TLB on a topology change of
// its address space through the tcg_commit listener).
namespace Nemu.Memory;

/// <summary>TLB registration and flushing.</summary>
public sealed partial class AddressSpace
{
    private readonly List<SoftTlb> _tlbs = [];

    internal void AddTlb(SoftTlb tlb) => _tlbs.Add(tlb);

    internal void RemoveTlb(SoftTlb tlb) => _tlbs.Remove(tlb);

    private void FlushTlbs()
    {
        foreach (var tlb in _tlbs)
        {
            tlb.Flush();
        }
    }
}
