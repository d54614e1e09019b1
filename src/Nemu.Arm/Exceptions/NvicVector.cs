// One exception's NVIC record (QEMU VecInfo, mprofile.md §4.1).
namespace Nemu.Arm.Exceptions;

/// <summary>Priority and state bits of one exception.</summary>
public struct NvicVector
{
    /// <summary>Priority (negative for Reset/NMI/HardFault).</summary>
    public short Priority;
    public bool Enabled;
    public bool Pending;
    public bool Active;

    /// <summary>Last level driven on an external interrupt input.</summary>
    public bool Level;
}
