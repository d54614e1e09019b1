// Implements: INTx (pci.md §2.6): pci_set_irq / pci_irq_handler (per-pin level, Status.Interrupt mirrors any
// asserted pin, INTx Disable records but does not propagate), pci_update_irq_disabled (toggling the bit
// deasserts or re-asserts the current levels), pci_change_irq_level (map_irq at each bus, walking up through
// bridges to the root bus, whose per-line counts drive the host's outputs) and pci_device_deassert_intx.
namespace Nemu.Pci;

/// <summary>Legacy INTx interrupts.</summary>
public abstract partial class PciDevice
{
    /// <summary>Number of INTx pins (INTA-INTD).</summary>
    public const int PinCount = 4;

    private int _irqState;

    /// <summary>Command.INTx Disable.</summary>
    public bool IsIntxDisabled => (GetWord(PciConfig.Command) & PciConfig.CommandIntxDisable) != 0;

    /// <summary>The level the function drives on pin <paramref name="pin"/> (0 = INTA).</summary>
    public bool IrqLevel(int pin) => (_irqState & (1 << pin)) != 0;

    /// <summary>Drives the function's INTx pin (pci_set_irq): updates Status.Interrupt, honours INTx Disable.</summary>
    public void SetIrq(bool level)
    {
        var pin = Config[PciConfig.InterruptPin] - 1;
        if (pin is >= 0 and < PinCount)
        {
            SetIrqPin(pin, level);
        }
    }

    /// <summary>Drives INTx pin <paramref name="pin"/> (0 = INTA) directly (pci_irq_handler).</summary>
    public void SetIrqPin(int pin, bool level)
    {
        if (pin is < 0 or >= PinCount)
        {
            return;
        }

        var old = IrqLevel(pin);
        if (old == level)
        {
            return;
        }

        _irqState = level ? _irqState | (1 << pin) : _irqState & ~(1 << pin);
        UpdateInterruptStatus();
        if (IsIntxDisabled)
        {
            return;
        }

        ChangeIrqLevel(pin, level ? 1 : -1);
    }

    /// <summary>Lowers every asserted pin (pci_device_deassert_intx), e.g. when MSI or MSI-X is enabled.</summary>
    public void DeassertIntx()
    {
        for (var pin = 0; pin < PinCount; pin++)
        {
            SetIrqPin(pin, false);
        }
    }

    // pci_update_irq_status.
    private void UpdateInterruptStatus()
    {
        if (_irqState != 0)
        {
            Config[PciConfig.Status] |= (byte)PciConfig.StatusInterrupt;
        }
        else
        {
            Config[PciConfig.Status] &= unchecked((byte)~PciConfig.StatusInterrupt);
        }
    }

    private void UpdateIntxDisabled(bool wasDisabled)
    {
        var disabled = IsIntxDisabled;
        if (disabled == wasDisabled)
        {
            return;
        }

        for (var pin = 0; pin < PinCount; pin++)
        {
            if (IrqLevel(pin))
            {
                ChangeIrqLevel(pin, disabled ? -1 : 1);
            }
        }
    }

    // pci_change_irq_level: map at each bus, up to the root bus that owns the lines.
    private void ChangeIrqLevel(int pin, int change)
    {
        PciDevice device = this;
        for (var hops = 0; hops < 256; hops++)
        {
            if (device.Bus is not { } bus)
            {
                return;
            }

            pin = bus.MapIrq(device, pin);
            if (bus.IsRoot)
            {
                bus.ChangeIrqLevel(pin, change);
                return;
            }

            if (bus.ParentBridge is not { } bridge)
            {
                return;
            }

            device = bridge;
        }
    }
}
