// Implements: QEMU hw/pci/msi.c as functions over a PciDevice (pci.md §3): capability layout, 32/64-bit
// address, per-vector masking, multiple messages, notify, config-write hook, reset.
// SEAM: signatures only; piece X implements them.
namespace Nemu.Pci;

/// <summary>MSI (PCI 3.0 §6.8.1) for a <see cref="PciDevice"/>.</summary>
public static class Msi
{
    /// <summary>
    /// Adds an MSI capability (msi_init): <paramref name="vectors"/> a power of two 1-32, at <paramref name="offset"/>
    /// (0: first free). Returns the capability offset, or -1 with <paramref name="error"/> set.
    /// </summary>
    public static int Init(PciDevice device, int offset, int vectors, bool is64Bit, bool perVectorMask, out string? error)
    {
        error = "MSI is not implemented yet";
        return -1;
    }

    /// <summary>Removes MSI state (msi_uninit).</summary>
    public static void Uninit(PciDevice device)
    {
    }

    /// <summary>MSI Enable is set (msi_enabled).</summary>
    public static bool IsEnabled(PciDevice device) => false;

    /// <summary>Vector <paramref name="vector"/> is masked by its per-vector mask bit (msi_is_masked).</summary>
    public static bool IsMasked(PciDevice device, int vector) => false;

    /// <summary>The message vector <paramref name="vector"/> would send now (msi_get_message).</summary>
    public static MsiMessage GetMessage(PciDevice device, int vector) => default;

    /// <summary>Signals vector <paramref name="vector"/>: sends, or sets its pending bit while masked (msi_notify).</summary>
    public static void Notify(PciDevice device, int vector)
    {
    }

    /// <summary>Config-write hook (msi_write_config), called after the generic masks were applied.</summary>
    public static void WriteConfig(PciDevice device, int address, uint value, int length)
    {
    }

    /// <summary>Device reset (msi_reset): Enable and MME clear, masks and pending clear.</summary>
    public static void Reset(PciDevice device)
    {
    }
}
