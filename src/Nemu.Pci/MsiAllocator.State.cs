// Implements: seed 004's migration of the allocation map (pci.md §8 (d)): pre-save flattens the map into the
// entry array in bus:dev.fn order, post-load checks every entry against the pool and rebuilds the map and the
// free set. A stream naming numbers outside the pool, overlapping blocks or a function twice is refused.
using Nemu.Core.State;

namespace Nemu.Pci;

public sealed partial class MsiAllocator
{
    private void PreSave()
    {
        var i = 0;
        foreach (var allocation in _map.Values)
        {
            var e = _state.Entries[i++];
            e.Bdf = allocation.Bdf;
            e.Kind = (byte)allocation.Kind;
            e.First = allocation.First;
            e.Count = allocation.Count;
        }

        _state.Nr = (uint)i;
        for (; i < _state.Entries.Length; i++)
        {
            var e = _state.Entries[i];
            e.Bdf = 0;
            e.Kind = 0;
            e.First = 0;
            e.Count = 0;
        }
    }

    private void PostLoad()
    {
        if (_state.Nr > (uint)_state.Entries.Length)
        {
            throw new StateLoadException($"msi-allocator: {_state.Nr} allocations do not fit a pool of {Count}");
        }

        Reset();
        for (var i = 0; i < (int)_state.Nr; i++)
        {
            var e = _state.Entries[i];
            var allocation = new MsiAllocation(e.Bdf, (MsiKind)e.Kind, e.First, e.Count);
            if (e.Kind > (byte)MsiKind.Msix || !ValidCount(allocation.Kind, (int)Math.Min(e.Count, int.MaxValue)) ||
                e.First < First || (ulong)e.First + e.Count > First + (ulong)Count ||
                !IsFree((int)(e.First - First), (int)e.Count) || _map.ContainsKey(e.Bdf))
            {
                Reset();
                throw new StateLoadException(
                    $"msi-allocator: bad allocation {e.Bdf >> 8:x2}:{(e.Bdf >> 3) & 0x1f:x2}.{e.Bdf & 7} kind {e.Kind} " +
                    $"[{e.First}, +{e.Count}) for the pool [{First}, +{Count})");
            }

            Mark(allocation, true);
            _map[e.Bdf] = allocation;
        }
    }
}
