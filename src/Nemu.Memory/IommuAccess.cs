// QEMU's IOMMUAccessFlags (include/exec/memory.h): the permission an IOMMU translation grants, and the kind of
// access a translation is asked for.
namespace Nemu.Memory;

/// <summary>Read/write permission bits of an IOMMU translation.</summary>
[Flags]
public enum IommuAccess
{
    /// <summary>No access (IOMMU_NONE).</summary>
    None = 0,

    /// <summary>Reads allowed / a read is being translated (IOMMU_RO).</summary>
    Read = 1,

    /// <summary>Writes allowed / a write is being translated (IOMMU_WO).</summary>
    Write = 2,

    /// <summary>Both (IOMMU_RW).</summary>
    ReadWrite = Read | Write,
}
