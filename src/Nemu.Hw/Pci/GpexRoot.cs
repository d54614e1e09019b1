// Implements: QEMU's gpex-root (hw/pci-host/gpex.c gpex_root_class_init): the host bridge function at 00:00.0,
// Red Hat 1b36:0008, class 0600 (host bridge), revision 0, conventional config space, not user-creatable.
using Nemu.Pci;
using Nemu.Qdev;

namespace Nemu.Hw.Pci;

/// <summary>The GPEX host bridge's own PCI function.</summary>
public sealed class GpexRoot : PciDevice
{
    public new const string TypeName = "gpex-root";

    public static readonly DeviceType TypeInfo = DefinePci(TypeName, () => new GpexRoot())
        .Description("Host bridge")
        .Build();

    public GpexRoot()
    {
        SetIdentity(PciIds.VendorRedHat, PciIds.DeviceRedHatPcieHost, PciIds.ClassBridgeHost);
        InitState(PciDeviceState.For(this), PciState);
    }
}
