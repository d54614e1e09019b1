// QEMU's IOMMUMemoryRegionClass (include/exec/memory.h, pci.md §1): translate, attrs_to_index, num_indexes.
// Used by the TrustZone memory protection controller (mprofile.md §6.4) to route each access by its security
// attribute. Not modelled: replay, page-request interfaces, per-notifier flags.
using Nemu.Core;

namespace Nemu.Memory;

/// <summary>The callbacks of an IOMMU region: which index an access's attributes select, and the translation.</summary>
public interface IIommuOps
{
    /// <summary>How many distinct translation contexts (iommu_idx values) there are.</summary>
    int NumIndexes { get; }

    /// <summary>The iommu_idx an access with <paramref name="attrs"/> uses.</summary>
    int AttrsToIndex(MemTxAttrs attrs);

    /// <summary>Translates <paramref name="offset"/> (relative to the region) for <paramref name="access"/>.</summary>
    IommuTlbEntry Translate(ulong offset, IommuAccess access, int iommuIndex);
}
