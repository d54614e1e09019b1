// The (empty) state of the SSE devices whose registers are all fixed by properties (iotkit-sysinfo,
// armsse-cpuid). QEMU gives them no vmstate; Nemu declares an empty versioned section so every device type
// has a state description for the migration self-check.
namespace Nemu.Hw.ArmSse;

/// <summary>No guest-modifiable state.</summary>
public sealed class IdOnlyState;
