// The state of a virtio-mmio transport without a backend: QEMU 7.2's vmstate "virtio_mmio" has no fields (its
// "virtio_mmio/state" subsection is only needed for a non-legacy transport with a device plugged in).
namespace Nemu.Hw.Virtio;

/// <summary>No guest-modifiable state while no virtio device is plugged.</summary>
public sealed class VirtioMmioState;
