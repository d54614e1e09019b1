// memory_listener_register/unregister and address_space_update_topology_pass (pci.md §1.7): registration
// replays the current map to the new listener only; unregistration deletes every range for it (the "do explicit
// cleanup when remove listeners" change); a topology change runs a delete pass (Reverse order) before an add
// pass (region_nop/log_start Forward, log_stop Reverse, region_add Forward).
namespace Nemu.Memory;

/// <summary>Listener registration and topology diffs.</summary>
public sealed partial class AddressSpace
{
    /// <summary>memory_listener_register: inserts by priority and replays begin, region_add…, commit to it.</summary>
    public void RegisterListener(MemoryListener listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        if (listener.AddressSpace is not null)
        {
            throw new InvalidOperationException($"listener '{listener.Name}' is already registered");
        }

        listener.AddressSpace = this;
        System.AddListener(listener);
        MemorySystem.InsertByPriority(_listeners, listener);

        listener.Begin();
        foreach (var fr in View.Ranges)
        {
            var section = fr.ToSection();
            listener.RegionAdd(section);
            if (fr.DirtyLogMask != 0)
            {
                listener.LogStart(section, 0, fr.DirtyLogMask);
            }
        }

        listener.Commit();
    }

    /// <summary>memory_listener_unregister: begin, (log_stop) region_del for every range, commit, then unlink.</summary>
    public void UnregisterListener(MemoryListener listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        if (listener.AddressSpace != this)
        {
            return;
        }

        listener.Begin();
        foreach (var fr in View.Ranges)
        {
            var section = fr.ToSection();
            if (fr.DirtyLogMask != 0)
            {
                listener.LogStop(section, fr.DirtyLogMask, 0);
            }

            listener.RegionDel(section);
        }

        listener.Commit();
        System.RemoveListener(listener);
        _listeners.Remove(listener);
        listener.AddressSpace = null;
    }

    private void UpdateTopologyPass(FlatRange[] oldRanges, FlatRange[] newRanges, bool adding)
    {
        int iold = 0, inew = 0;
        while (iold < oldRanges.Length || inew < newRanges.Length)
        {
            var hasOld = iold < oldRanges.Length;
            var hasNew = inew < newRanges.Length;
            if (hasOld && (!hasNew || oldRanges[iold].Start < newRanges[inew].Start
                || (oldRanges[iold].Start == newRanges[inew].Start && !oldRanges[iold].SameMapping(newRanges[inew]))))
            {
                // In old but not in new, or in both with changed attributes.
                if (!adding)
                {
                    var section = oldRanges[iold].ToSection();
                    for (var i = _listeners.Count - 1; i >= 0; i--)
                    {
                        _listeners[i].RegionDel(section);
                    }
                }

                ++iold;
            }
            else if (hasOld && hasNew && oldRanges[iold].SameMapping(newRanges[inew]))
            {
                if (adding)
                {
                    NotifyUnchanged(oldRanges[iold], newRanges[inew]);
                }

                ++iold;
                ++inew;
            }
            else
            {
                if (adding)
                {
                    var section = newRanges[inew].ToSection();
                    foreach (var l in _listeners)
                    {
                        l.RegionAdd(section);
                    }
                }

                ++inew;
            }
        }
    }

    private void NotifyUnchanged(in FlatRange oldRange, in FlatRange newRange)
    {
        var section = newRange.ToSection();
        foreach (var l in _listeners)
        {
            l.RegionNop(section);
        }

        if ((newRange.DirtyLogMask & ~oldRange.DirtyLogMask) != 0)
        {
            foreach (var l in _listeners)
            {
                l.LogStart(section, oldRange.DirtyLogMask, newRange.DirtyLogMask);
            }
        }

        if ((oldRange.DirtyLogMask & ~newRange.DirtyLogMask) != 0)
        {
            for (var i = _listeners.Count - 1; i >= 0; i--)
            {
                _listeners[i].LogStop(section, oldRange.DirtyLogMask, newRange.DirtyLogMask);
            }
        }
    }
}
