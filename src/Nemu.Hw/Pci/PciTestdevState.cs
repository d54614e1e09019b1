// Implements: the state of QEMU 7.2's pci-testdev (hw/misc/pci-testdev.c PCITestDevState): the selected
// ioeventfd test and each test's write counter. QEMU has no VMState for this device; Nemu saves this record (version 2: the PCI function as parent_obj first).
using Nemu.Pci;

namespace Nemu.Hw.Pci;

/// <summary>The migratable state of a <see cref="PciTestdev"/>.</summary>
public sealed class PciTestdevState
{
    /// <summary>The PCI function's state (QEMU's parent_obj), set by the device.</summary>
    public PciDeviceState Pci { get; internal set; } = null!;

    /// <summary>The selected test (0-5), or -1 when none is.</summary>
    public int Current = -1;

    /// <summary>Each test's header <c>count</c> field.</summary>
    public readonly uint[] Counts = new uint[PciTestdev.TestCount];
}
