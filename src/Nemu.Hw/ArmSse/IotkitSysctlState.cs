// The migratable state of the IoTKit system control element, QEMU's vmstate "iotkit-sysctl" v1 with the
// "iotkit-sysctl/sse-200" subsection (hw/misc/iotkit-sysctl.c).
namespace Nemu.Hw.ArmSse;

/// <summary>Plain-data state of <see cref="IotkitSysctl"/>.</summary>
public sealed class IotkitSysctlState
{
    public uint SecureDebug;
    public uint ResetSyndrome;
    public uint ResetMask;
    public uint Gretreg;
    public uint InitSvtor0;
    public uint CpuWait;
    public uint WicCtrl;
    public uint ScSecCtrl;
    public uint FclkDiv;
    public uint SysclkDiv;
    public uint ClockForce;
    public uint InitSvtor1;
    public uint NmiEnable;
    public uint EwCtrl;
    public uint PdcmPdSysSense;
    public uint PdcmPdSram0Sense;
    public uint PdcmPdSram1Sense;
    public uint PdcmPdSram2Sense;
    public uint PdcmPdSram3Sense;
}
