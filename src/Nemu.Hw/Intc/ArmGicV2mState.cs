// The (empty) state of the GICv2m frame: QEMU 7.2's arm-gicv2m has no vmstate (all registers are fixed by its
// properties); Nemu declares an empty versioned section so every device type has a state description.
namespace Nemu.Hw.Intc;

/// <summary>No guest-modifiable state.</summary>
public sealed class ArmGicV2mState;
