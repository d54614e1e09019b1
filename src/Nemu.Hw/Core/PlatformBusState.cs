// The (empty) state of platform-bus-device (QEMU 7.2 has no vmstate for it).
namespace Nemu.Hw.Core;

/// <summary>No guest-modifiable state.</summary>
public sealed class PlatformBusState;
