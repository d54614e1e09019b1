// The per-machine state that QEMU keeps in globals of system/memory.c (pci.md §1.5-§1.7): the list of address
// spaces, the global listener list, the transaction depth and "update pending" flag, and the FlatView cache
// keyed by flatview root. Several machines can live in one process, each with its own MemorySystem.
// Mutation is single-threaded (QEMU's BQL); readers on other threads see the old or new FlatView (one
// reference swap per address space). Not modelled: ioeventfds, coalesced MMIO, global dirty tracking.
namespace Nemu.Memory;

/// <summary>
/// The memory API state of one machine: its address spaces, listeners and transactions.
/// </summary>
public sealed class MemorySystem
{
    private readonly List<AddressSpace> _addressSpaces = [];
    private readonly List<MemoryListener> _listeners = [];
    private readonly Dictionary<MemoryRegion, FlatView> _flatViews = new(ReferenceEqualityComparer.Instance);
    private FlatView? _emptyView;
    private int _depth;
    private bool _updatePending;
    private bool _reentrancyWarned;

    /// <summary>Where one-off warnings go (QEMU's warn_report); defaults to stderr.</summary>
    public Action<string> Warn { get; set; } = static m => Console.Error.WriteLine("warning: " + m);

    /// <summary>The address spaces in creation order.</summary>
    public IReadOnlyList<AddressSpace> AddressSpaces => _addressSpaces;

    /// <summary>The current transaction nesting depth.</summary>
    public int TransactionDepth => _depth;

    /// <summary>Opens a transaction scope; topology updates run when the outermost scope ends.</summary>
    public MemoryTransaction Transaction() => new(this);

    /// <summary>memory_region_transaction_begin.</summary>
    public void BeginTransaction() => _depth++;

    /// <summary>memory_region_transaction_commit: at depth 0 with an update pending, re-renders and notifies listeners.</summary>
    public void CommitTransaction()
    {
        if (_depth == 0)
        {
            throw new InvalidOperationException("memory transaction commit without begin");
        }

        if (--_depth != 0 || !_updatePending)
        {
            return;
        }

        ResetFlatViews();
        foreach (var l in _listeners)
        {
            l.Begin();
        }

        foreach (var a in _addressSpaces)
        {
            a.SetFlatView(GetFlatView(a.Root));
        }

        _updatePending = false;
        foreach (var l in _listeners)
        {
            l.Commit();
        }
    }

    /// <summary>Renders <c>info mtree</c> with QEMU's exact format (pci.md §1.8).</summary>
    public string FormatMtree(bool flatView = false, bool owner = false, bool disabled = false) =>
        flatView ? MtreePrinter.FormatFlatViews(this, owner) : MtreePrinter.FormatTree(this, owner, disabled);

    internal static MemoryTransaction Scope(MemorySystem? system) => new(system);

    internal void MarkUpdatePending(bool condition) => _updatePending |= condition;

    internal void AddAddressSpace(AddressSpace space)
    {
        space.Root.Bind(this);
        _addressSpaces.Add(space);
        space.SetFlatView(GetFlatView(space.Root));
    }

    internal void RemoveAddressSpace(AddressSpace space) => _addressSpaces.Remove(space);

    internal void AddListener(MemoryListener listener) => InsertByPriority(_listeners, listener);

    internal void RemoveListener(MemoryListener listener) => _listeners.Remove(listener);

    // Listener lists are sorted by ascending priority; equal priority goes after existing ones (pci.md §1.7).
    internal static void InsertByPriority(List<MemoryListener> list, MemoryListener listener)
    {
        var index = list.Count;
        for (var i = 0; i < list.Count; i++)
        {
            if (listener.Priority < list[i].Priority)
            {
                index = i;
                break;
            }
        }

        list.Insert(index, listener);
    }

    internal bool TakeReentrancyWarning()
    {
        var first = !_reentrancyWarned;
        _reentrancyWarned = true;
        return first;
    }

    /// <summary>The shared FlatView for the effective root of <paramref name="root"/>, rendering it if not cached.</summary>
    private FlatView GetFlatView(MemoryRegion root)
    {
        var physical = FlatView.GetFlatViewRoot(root);
        if (physical is null)
        {
            return _emptyView ??= FlatView.Generate(null);
        }

        if (!_flatViews.TryGetValue(physical, out var view))
        {
            view = FlatView.Generate(physical);
            _flatViews[physical] = view;
        }

        return view;
    }

    private void ResetFlatViews()
    {
        _flatViews.Clear();
        foreach (var a in _addressSpaces)
        {
            _ = GetFlatView(a.Root);
        }
    }
}
