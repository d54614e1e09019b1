// Implements: the per-function MSI bookkeeping QEMU keeps in PCIDevice (msi_cap, cap_present) (pci.md §3).
// Everything guest-visible lives in config space (as in QEMU, whose MSI has no VMState field of its own);
// this object only caches the layout and remembers the Enable state the machine's observer last saw.
namespace Nemu.Pci;

/// <summary>Where a function's MSI capability is and what it supports.</summary>
public sealed class MsiState
{
    /// <summary>Offset of the capability in config space.</summary>
    public int CapOffset { get; init; }

    /// <summary>64-bit message address capable.</summary>
    public bool Is64Bit { get; init; }

    /// <summary>Per-vector masking capable (mask and pending registers present).</summary>
    public bool PerVectorMask { get; init; }

    /// <summary>Vectors the function supports (Multiple Message Capable as a count: 1-32).</summary>
    public int MaxVectors { get; init; }

    /// <summary>Config offset of the 16-bit Message Data register.</summary>
    public int DataOffset => CapOffset + (Is64Bit ? MsiRegisters.Data64 : MsiRegisters.Data32);

    /// <summary>Config offset of the Mask Bits register (meaningful with <see cref="PerVectorMask"/>).</summary>
    public int MaskOffset => CapOffset + (Is64Bit ? MsiRegisters.Mask64 : MsiRegisters.Mask32);

    /// <summary>Config offset of the Pending Bits register (meaningful with <see cref="PerVectorMask"/>).</summary>
    public int PendingOffset => CapOffset + (Is64Bit ? MsiRegisters.Pending64 : MsiRegisters.Pending32);

    /// <summary>Capability size in bytes.</summary>
    public int Size => PerVectorMask ? (Is64Bit ? MsiRegisters.Size64Masked : MsiRegisters.Size32Masked)
        : (Is64Bit ? MsiRegisters.Size64 : MsiRegisters.Size32);

    /// <summary>
    /// The machine's <see cref="IPciInterruptObserver"/> refused the last enable: messages are dropped (with a
    /// guest_errors log) until MSI is disabled again. Nemu-only; QEMU has no such observer.
    /// </summary>
    public bool DeliveryRefused { get; internal set; }

    /// <summary>Enable as the observer last saw it, to report transitions only.</summary>
    internal bool ObservedEnabled { get; set; }
}
