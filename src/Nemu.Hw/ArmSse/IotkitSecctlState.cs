// The migratable state of the IoTKit security controller, QEMU's vmstate "iotkit-secctl" v1 with the PPC
// registers as "iotkit-secctl-ppc" structs and the "iotkit-secctl/mpcintstatus" (QEMU: "iotkit-secctl-mpcintstatus";
// Nemu requires subsection names under their parent) and "iotkit-secctl/msc"
// subsections (hw/misc/iotkit-secctl.c).
namespace Nemu.Hw.ArmSse;

/// <summary>Plain-data state of <see cref="IotkitSecctl"/>.</summary>
public sealed class IotkitSecctlState
{
    public uint SecPpcIntStat;
    public uint SecPpcIntEn;
    public uint SecRespCfg;
    public uint NscCfg;
    public uint BrgIntEn;
    public readonly IotkitSecctlPpcState[] Apb = [new(), new()];
    public readonly IotkitSecctlPpcState[] ApbExp = [new(), new(), new(), new()];
    public readonly IotkitSecctlPpcState[] AhbExp = [new(), new(), new(), new()];
    public uint MpcIntStatus;
    public uint SecMscIntStat;
    public uint SecMscIntEn;
    public uint NsMscExp;
}

/// <summary>One PPC's registers in the security controller: NS (non-secure), SP (S unprivileged), NSP (NS unprivileged).</summary>
public sealed class IotkitSecctlPpcState
{
    public uint Ns;
    public uint Sp;
    public uint Nsp;
}
