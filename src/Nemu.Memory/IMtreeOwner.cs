// For `info mtree -o` (pci.md §1.8): how an owner describes itself inside "owner:{...}".
namespace Nemu.Memory;

/// <summary>Implemented by region owners that want QEMU's <c>dev id=…</c> / <c>obj path=…</c> text in <c>info mtree -o</c>.</summary>
public interface IMtreeOwner
{
    /// <summary>E.g. <c>dev id=net0</c> or <c>dev path=/machine/unattached/device[3]</c>.</summary>
    string MtreeDescription { get; }
}
