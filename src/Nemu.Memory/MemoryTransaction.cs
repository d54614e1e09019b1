// A using-scope around memory_region_transaction_begin/commit (pci.md §1.6).
namespace Nemu.Memory;

/// <summary>
/// Batches topology changes: <c>using (system.Transaction()) { ... }</c> re-renders once, at the end of
/// the outermost scope. A default value (no system) does nothing.
/// </summary>
public readonly struct MemoryTransaction : IDisposable
{
    private readonly MemorySystem? _system;

    internal MemoryTransaction(MemorySystem? system)
    {
        _system = system;
        system?.BeginTransaction();
    }

    /// <inheritdoc/>
    public void Dispose() => _system?.CommitTransaction();
}
