using Nemu.Hw.ArmSse;
using Nemu.Hw.Block;
using Nemu.Hw.Char;
using Nemu.Hw.Cmsdk;
using Nemu.Hw.Core;
using Nemu.Hw.Gpio;
using Nemu.Hw.Intc;
using Nemu.Hw.Misc;
using Nemu.Hw.Mps2;
using Nemu.Hw.Nvram;
using Nemu.Hw.Pci;
using Nemu.Hw.Stellaris;
using Nemu.Hw.Timer;
using Nemu.Hw.Tz;
using Nemu.Hw.Virtio;
using Nemu.Qdev;

namespace Nemu.Hw;

/// <summary>Registers the generic device types of this project.</summary>
public static class HwModule
{
    public static void Register(DeviceTypeRegistry registry)
    {
        registry.Register(GenericLoaderDevice.TypeInfo);
        registry.Register(CmsdkApbUart.TypeInfo);
        registry.Register(CmsdkApbTimer.TypeInfo);
        registry.Register(CmsdkApbDualTimer.TypeInfo);
        registry.Register(CmsdkApbWatchdog.TypeInfo);
        registry.Register(CmsdkApbWatchdog.LuminaryTypeInfo);
        registry.Register(Mps2Fpgaio.TypeInfo);
        registry.Register(Mps2Scc.TypeInfo);
        registry.Register(UnimplementedDevice.TypeInfo);
        registry.Register(StellarisSys.TypeInfo);
        registry.Register(StellarisGptm.TypeInfo);
        registry.Register(Pl011.TypeInfo);
        registry.Register(Pl011.LuminaryTypeInfo);
        registry.Register(TzPpc.TypeInfo);
        registry.Register(TzMpc.TypeInfo);
        registry.Register(IotkitSecctl.TypeInfo);
        registry.Register(IotkitSysctl.TypeInfo);
        registry.Register(IotkitSysinfo.TypeInfo);
        registry.Register(ArmsseCpuid.TypeInfo);
        registry.Register(ArmsseMhu.TypeInfo);

        registry.Register(Nemu.Pci.PciDevice.BaseTypeInfo);
        registry.Register(GpexHost.TypeInfo);
        registry.Register(GpexRoot.TypeInfo);
        registry.Register(PciBridgeDevice.TypeInfo);
        registry.Register(PcieRootPort.TypeInfo);
        registry.Register(Edu.TypeInfo);
        registry.Register(PciTestdev.TypeInfo);
        registry.Register(ArmGic.TypeInfo);
        registry.Register(ArmGicV2m.TypeInfo);
        registry.Register(Pl031.TypeInfo);
        registry.Register(Pl061.TypeInfo);
        registry.Register(Pl061.LuminaryTypeInfo);
        registry.Register(GpioKey.TypeInfo);
        registry.Register(FwCfgMem.AbstractTypeInfo);
        registry.Register(FwCfgMem.TypeInfo);
        registry.Register(PflashCfi01.TypeInfo);
        registry.Register(VirtioMmio.TypeInfo);
        registry.Register(PlatformBusDevice.TypeInfo);
    }
}
