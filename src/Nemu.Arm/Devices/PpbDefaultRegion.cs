// The rest of the Private Peripheral Bus (QEMU's "nvic-default" region, 0xE0000000-0xE00FFFFF at priority -1;
// mprofile.md §4.4): DWT/ITM/FPB/ETM and friends are not modelled, so privileged accesses read as zero and writes
// are ignored, while unprivileged accesses are bus errors.
using Nemu.Core;
using Nemu.Memory;

namespace Nemu.Arm.Devices;

/// <summary>RAZ/WI behind the implemented PPB devices.</summary>
public sealed class PpbDefaultRegion : IMemoryRegionOps
{
    public AccessConstraints Constraints { get; } = new()
    {
        ValidMinAccessSize = 1,
        ValidMaxAccessSize = 4,
        ImplMinAccessSize = 1,
        ImplMaxAccessSize = 4,
    };

    public MemTxResult Read(ulong offset, uint size, MemTxAttrs attrs, out ulong value)
    {
        value = 0;
        return attrs.User ? MemTxResult.Error : MemTxResult.Ok;
    }

    public MemTxResult Write(ulong offset, ulong value, uint size, MemTxAttrs attrs) =>
        attrs.User ? MemTxResult.Error : MemTxResult.Ok;
}
