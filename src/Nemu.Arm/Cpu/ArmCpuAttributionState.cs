// The migratable SAU and PMSAv8 state of an Armv8-M CPU (management.md §4), with QEMU 7.2's field names from
// target/arm/machine.c: "cpu/pmsav8" (env.pmsav8.rbar/rlar[M_REG_NS], mair0/mair1[M_REG_NS]) and the SAU and
// Secure-bank MPU fields of "cpu/m-security" (env.sau.rbar/rlar, sau.rnr, sau.ctrl, env.pmsav8.*[M_REG_S],
// mpu_ctrl[M_REG_S], pmsav7.rnr[M_REG_S]), plus the Non-secure MPU_CTRL/RNR that QEMU keeps in "cpu". A separate
// section type beside ArmCpuState: ArmCpu.SaveAttributionState/LoadAttributionState copy it. Cores without PMSAv8
// save zeros and ignore it on load, so images of older versions (which lack it) keep loading as reset.
using Nemu.Core.State;

namespace Nemu.Arm.Cpu;

/// <summary>SAU and banked PMSAv8 registers of one CPU, captured before save and written back after load.</summary>
public sealed class ArmCpuAttributionState
{
    /// <summary>Region slots migrated per bank (MPU: QEMU 7.2 boards have 16; SAU: 8).</summary>
    public const int MpuRegionSlots = 16, SauRegionSlots = 8;

    public static readonly StateDescription<ArmCpuAttributionState> Vmsd =
        StateDescription<ArmCpuAttributionState>.Builder("cpu/attribution", 1, 1)
            .UInt32("mpu_ctrl[NS]", s => ref s.MpuCtrlNs)
            .UInt32("pmsav7.rnr[NS]", s => ref s.MpuRnrNs)
            .UInt32Array("pmsav8.rbar[NS]", s => s.RbarNs, MpuRegionSlots)
            .UInt32Array("pmsav8.rlar[NS]", s => s.RlarNs, MpuRegionSlots)
            .UInt32("pmsav8.mair0[NS]", s => ref s.Mair0Ns)
            .UInt32("pmsav8.mair1[NS]", s => ref s.Mair1Ns)
            .UInt32("mpu_ctrl[S]", s => ref s.MpuCtrlS)
            .UInt32("pmsav7.rnr[S]", s => ref s.MpuRnrS)
            .UInt32Array("pmsav8.rbar[S]", s => s.RbarS, MpuRegionSlots)
            .UInt32Array("pmsav8.rlar[S]", s => s.RlarS, MpuRegionSlots)
            .UInt32("pmsav8.mair0[S]", s => ref s.Mair0S)
            .UInt32("pmsav8.mair1[S]", s => ref s.Mair1S)
            .UInt32Array("sau.rbar", s => s.SauRbar, SauRegionSlots)
            .UInt32Array("sau.rlar", s => s.SauRlar, SauRegionSlots)
            .UInt32("sau.rnr", s => ref s.SauRnr)
            .UInt32("sau.ctrl", s => ref s.SauCtrl)
            .Build();

    public uint MpuCtrlNs;
    public uint MpuRnrNs;
    public readonly uint[] RbarNs = new uint[MpuRegionSlots];
    public readonly uint[] RlarNs = new uint[MpuRegionSlots];
    public uint Mair0Ns;
    public uint Mair1Ns;
    public uint MpuCtrlS;
    public uint MpuRnrS;
    public readonly uint[] RbarS = new uint[MpuRegionSlots];
    public readonly uint[] RlarS = new uint[MpuRegionSlots];
    public uint Mair0S;
    public uint Mair1S;
    public readonly uint[] SauRbar = new uint[SauRegionSlots];
    public readonly uint[] SauRlar = new uint[SauRegionSlots];
    public uint SauRnr;
    public uint SauCtrl;
}
