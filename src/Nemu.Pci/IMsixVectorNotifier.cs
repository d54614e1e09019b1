// Implements: QEMU's msix_set_vector_notifiers contract (pci.md §4.4; seed 003: a backend moves a vector
// between a fast path while unmasked and a slow path while masked).
namespace Nemu.Pci;

/// <summary>
/// Told when an MSI-X vector becomes usable (in use, enabled, unmasked) with its current message, when it stops
/// being usable, and asked to poll pending state of a vector range while masked.
/// </summary>
public interface IMsixVectorNotifier
{
    /// <summary>Vector <paramref name="vector"/> is unmasked with <paramref name="message"/>; false rejects it (QEMU's error return).</summary>
    bool Use(int vector, MsiMessage message);

    /// <summary>Vector <paramref name="vector"/> is masked or disabled.</summary>
    void Release(int vector);

    /// <summary>Asked to set pending bits for masked vectors in [<paramref name="start"/>, <paramref name="end"/>) (PBA read).</summary>
    void Poll(int start, int end);
}
