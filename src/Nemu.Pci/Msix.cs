// Implements: QEMU hw/pci/msix.c as functions over a PciDevice (pci.md §4): table and PBA as MMIO regions
// inside a BAR with the 4/8-byte access rules, function mask, enable transitions, pending bits delivered on
// unmask, vector use counts and the mask/unmask notifiers of seed 003, save/load.
// SEAM: signatures only; piece X implements them.
using Nemu.Memory;

namespace Nemu.Pci;

/// <summary>MSI-X (PCI 3.0 §6.8.2) for a <see cref="PciDevice"/>.</summary>
public static class Msix
{
    /// <summary>
    /// Adds an MSI-X capability (msix_init) with <paramref name="vectors"/> entries; the table at
    /// <paramref name="tableOffset"/> of <paramref name="tableBar"/>'s region and the PBA at <paramref name="pbaOffset"/>
    /// of <paramref name="pbaBar"/>'s region. Returns the capability offset, or -1 with <paramref name="error"/> set.
    /// </summary>
    public static int Init(PciDevice device, int vectors, MemoryRegion tableBar, int tableBarIndex, uint tableOffset,
        MemoryRegion pbaBar, int pbaBarIndex, uint pbaOffset, int capOffset, out string? error)
    {
        error = "MSI-X is not implemented yet";
        return -1;
    }

    /// <summary>
    /// msix_init_exclusive_bar: creates a BAR <paramref name="barIndex"/> holding only the table and PBA
    /// (region name <c>&lt;name&gt;-msix</c> as QEMU) and registers it. Returns false with <paramref name="error"/> set.
    /// </summary>
    public static bool InitExclusiveBar(PciDevice device, int vectors, int barIndex, out string? error)
    {
        error = "MSI-X is not implemented yet";
        return false;
    }

    /// <summary>Removes MSI-X state and its table/PBA regions (msix_uninit).</summary>
    public static void Uninit(PciDevice device)
    {
    }

    /// <summary>MSI-X Enable is set (msix_enabled).</summary>
    public static bool IsEnabled(PciDevice device) => false;

    /// <summary>Vector is masked by its entry or the function mask (msix_is_masked).</summary>
    public static bool IsMasked(PciDevice device, int vector) => true;

    /// <summary>The message table entry <paramref name="vector"/> holds (msix_get_message).</summary>
    public static MsiMessage GetMessage(PciDevice device, int vector) => default;

    /// <summary>Marks a vector used (msix_vector_use); a vector not in use never fires.</summary>
    public static void VectorUse(PciDevice device, int vector)
    {
    }

    /// <summary>Drops one use (msix_vector_unuse); the last unuse clears its pending bit.</summary>
    public static void VectorUnuse(PciDevice device, int vector)
    {
    }

    /// <summary>Signals vector <paramref name="vector"/>: sends, or sets its pending bit while masked (msix_notify).</summary>
    public static void Notify(PciDevice device, int vector)
    {
    }

    /// <summary>Installs the notifiers of seed 003 (msix_set_vector_notifiers); false if a Use call failed.</summary>
    public static bool SetVectorNotifiers(PciDevice device, IMsixVectorNotifier notifier) => false;

    /// <summary>Removes the notifiers, releasing every vector currently used (msix_unset_vector_notifiers).</summary>
    public static void UnsetVectorNotifiers(PciDevice device)
    {
    }

    /// <summary>Config-write hook (msix_write_config), called after the generic masks were applied.</summary>
    public static void WriteConfig(PciDevice device, int address, uint value, int length)
    {
    }

    /// <summary>Device reset (msix_reset): Enable and function mask clear, every entry masked, PBA clear.</summary>
    public static void Reset(PciDevice device)
    {
    }
}
