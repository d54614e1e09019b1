// Implements: the lookup QEMU's rom_check_and_register_reset does with memory_region_find to set rom->isrom,
// shown as mem=rom|ram by "info roms".
using Nemu.Core;

namespace Nemu.Loader.Rom;

/// <summary>Tells whether the memory at an address is a ROM region.</summary>
public interface IRomMemoryKind
{
    /// <summary>True when <paramref name="address"/> falls into a ROM (or ROM device) region.</summary>
    bool IsRom(GuestAddress address);
}
