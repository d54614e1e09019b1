// Implements: device reset (pci_do_device_reset, pci.md §2.8) and the save/load hooks of "PCIDevice"
// (pci.md §2.2 cmask rule) for the state in PciDeviceState.
using Nemu.Core.State;

namespace Nemu.Pci;

/// <summary>Reset and migration.</summary>
public abstract partial class PciDevice
{
    /// <summary>
    /// pci_do_device_reset: INTx lowered, writable/W1C bits of Command and Status and Interrupt Line cleared,
    /// cache line 0, BARs back to their type bits and unmapped, bus mastering off, MSI and MSI-X reset.
    /// </summary>
    protected void DoDeviceReset()
    {
        DeassertIntx();
        var commandMask = (ushort)(GetWord(Wmask, PciConfig.Command) | GetWord(W1cmask, PciConfig.Command));
        SetWord(PciConfig.Command, (ushort)(GetWord(PciConfig.Command) & ~commandMask));
        var statusMask = (ushort)(GetWord(Wmask, PciConfig.Status) | GetWord(W1cmask, PciConfig.Status));
        SetWord(PciConfig.Status, (ushort)(GetWord(PciConfig.Status) & ~statusMask));
        Config[PciConfig.InterruptLine] &= (byte)~(Wmask[PciConfig.InterruptLine] | W1cmask[PciConfig.InterruptLine]);
        Config[PciConfig.CacheLineSize] = 0;
        foreach (var bar in _bars)
        {
            if (bar is null)
            {
                continue;
            }

            var offset = BarOffset(bar.Index);
            SetLong(offset, (uint)bar.Type);
            if (!bar.IsIo && bar.Is64Bit)
            {
                SetLong(offset + 4, 0);
            }
        }

        UpdateMappings();
        UpdateBusMasterEnable();
        Msi.Reset(this);
        Msix.Reset(this);
    }

    internal void SaveState(PciDeviceState state)
    {
        Array.Copy(Config, state.Config, Config.Length);
        for (var pin = 0; pin < PinCount; pin++)
        {
            state.IrqState[pin] = IrqLevel(pin) ? 1u : 0u;
        }
    }

    internal void LoadState(PciDeviceState state)
    {
        for (var i = 0; i < Config.Length; i++)
        {
            if (((state.Config[i] ^ Config[i]) & Cmask[i] & ~Wmask[i] & ~W1cmask[i]) != 0)
            {
                throw new StateLoadException(
                    $"get_pci_config_device: Bad config data: i=0x{i:x} read: {state.Config[i]:x} device: {Config[i]:x} cmask: {Cmask[i]:x} wmask: {Wmask[i]:x} w1cmask:{W1cmask[i]:x}");
            }
        }

        var wasIntxDisabled = IsIntxDisabled;
        var oldIrq = _irqState;
        Array.Copy(state.Config, Config, Config.Length);
        UpdateMappings();
        OnConfigLoaded();
        UpdateBusMasterEnable();

        // MSI Enable transitions are reported relative to the loaded state (MSI-X does this in its own section).
        Msi.PostLoad(this);

        // Keep the root bus's wire-OR counts consistent with the loaded levels.
        var newIrq = 0;
        for (var pin = 0; pin < PinCount; pin++)
        {
            newIrq |= state.IrqState[pin] != 0 ? 1 << pin : 0;
        }

        for (var pin = 0; pin < PinCount; pin++)
        {
            var was = (oldIrq & (1 << pin)) != 0 && !wasIntxDisabled;
            var now = (newIrq & (1 << pin)) != 0 && !IsIntxDisabled;
            if (was != now)
            {
                ChangeIrqLevel(pin, now ? 1 : -1);
            }
        }

        _irqState = newIrq;
    }

    /// <summary>Called after loaded config bytes were applied (bridges rebuild their windows).</summary>
    protected virtual void OnConfigLoaded()
    {
    }

    private static ushort GetWord(byte[] array, int offset) => (ushort)(array[offset] | (array[offset + 1] << 8));
}
