// The migratable M-profile CPU state, modelled on QEMU 7.2 target/arm/machine.c vmstate_arm_cpu ("cpu": regs,
// xpsr) and its "cpu/m" subsection (other_sp, basepri, primask, faultmask, control) (management.md §4;
// mprofile.md §1.1). SCB registers (vecbase/VTOR, ccr, cfsr, ...) live with the NVIC here (NvicState). Adds what
// QEMU keeps elsewhere or rebuilds: the exclusive monitor, the event register, the run state (WFI/WFE/lockup)
// and which SP R13 holds. Plain data: ArmCpu.SaveState/LoadState copy it from/to the live CPU.
// Version 2 adds the FP extension state (S0-S31, FPSCR, CPACR, FPCCR, FPCAR, FPDSCR; CONTROL.FPCA is in control).
// Version 3 adds the PMSAv7 MPU with QEMU's names (machine.c "cpu/pmsav7" env.pmsav7.rbar/rsr/racr, the
// "cpu/pmsav7-rnr" RNR and v7m.mpu_ctrl; RASR is split as QEMU stores it: rsr = low half, racr = high half), for
// up to 16 regions. Version 4 adds QEMU's v8-M subsections "cpu/m-security" (security state, the other state's SPs,
// the Secure bank of PRIMASK/BASEPRI/FAULTMASK/CONTROL) and "cpu/m/v8m" (MSPLIM/PSPLIM); the main fields then hold
// the Non-secure bank, as QEMU's "cpu/m" does. The NVIC, SAU and MPU banks migrate with their owners.
using Nemu.Core.State;

namespace Nemu.Arm.Cpu;

/// <summary>One CPU's migratable registers, captured before save and written back after load.</summary>
public sealed class ArmCpuState
{
    /// <summary>
    /// QEMU 7.2 machine.c "cpu/m-security" (the CPU part: secure, other_ss_msp/psp and the Secure bank of the
    /// special registers; CONTROL adds SFPA in bit 3), sent for cores with the Security Extension (version 4).
    /// </summary>
    private static readonly StateDescription<ArmCpuState> MSecurity =
        StateDescription<ArmCpuState>.Builder("cpu/m-security", 1, 1)
            .UInt32("secure", s => ref s.Secure)
            .UInt32("other_ss_msp", s => ref s.OtherSsMsp)
            .UInt32("other_ss_psp", s => ref s.OtherSsPsp)
            .UInt32("basepri[M_REG_S]", s => ref s.BasepriS)
            .UInt32("primask[M_REG_S]", s => ref s.PrimaskS)
            .UInt32("faultmask[M_REG_S]", s => ref s.FaultmaskS)
            .UInt32("control[M_REG_S]", s => ref s.ControlS)
            .Build();

    /// <summary>QEMU 7.2 machine.c "cpu/m/v8m": MSPLIM and PSPLIM of both banks (ARMv8-M cores, version 4).</summary>
    private static readonly StateDescription<ArmCpuState> MV8m =
        StateDescription<ArmCpuState>.Builder("cpu/m/v8m", 1, 1)
            .UInt32Array("msplim", s => s.Msplim, 2)
            .UInt32Array("psplim", s => s.Psplim, 2)
            .Build();

    public static readonly StateDescription<ArmCpuState> Vmsd =
        StateDescription<ArmCpuState>.Builder("cpu", 4, 1)
            .UInt32Array("regs", s => s.Regs, 16)
            .UInt32("xpsr", s => ref s.Xpsr)
            .UInt32("other_sp", s => ref s.OtherSp)
            .Bool("r13_is_psp", s => ref s.R13IsPsp)
            .UInt32("primask", s => ref s.Primask)
            .UInt32("basepri", s => ref s.Basepri)
            .UInt32("faultmask", s => ref s.Faultmask)
            .UInt32("control", s => ref s.Control)
            .Bool("exclusive_valid", s => ref s.ExclusiveValid)
            .UInt32("exclusive_addr", s => ref s.ExclusiveAddress)
            .Bool("event_register", s => ref s.EventRegister)
            .UInt8("run_state", s => ref s.RunState, (byte)ArmCpuRunState.Stopped)
            .UInt32Array("vfp_regs", s => s.ExtRegs, 32, sinceVersion: 2)
            .UInt32("fpscr", s => ref s.Fpscr, sinceVersion: 2)
            .UInt32("cpacr", s => ref s.Cpacr, sinceVersion: 2)
            .UInt32("fpccr", s => ref s.Fpccr, sinceVersion: 2)
            .UInt32("fpcar", s => ref s.Fpcar, sinceVersion: 2)
            .UInt32("fpdscr", s => ref s.Fpdscr, sinceVersion: 2)
            .UInt32("mpu_ctrl", s => ref s.MpuCtrl, sinceVersion: 3)
            .UInt32("pmsav7.rnr", s => ref s.MpuRnr, sinceVersion: 3)
            .UInt32Array("pmsav7.rbar", s => s.MpuRbar, MpuRegionSlots, sinceVersion: 3)
            .UInt32Array("pmsav7.rsr", s => s.MpuRsr, MpuRegionSlots, sinceVersion: 3)
            .UInt32Array("pmsav7.racr", s => s.MpuRacr, MpuRegionSlots, sinceVersion: 3)
            .Subsection(MSecurity, s => s.HasSecurityExtension)
            .Subsection(MV8m, s => s.IsV8)
            .Build();

    /// <summary>Region slots migrated (RBAR.REGION is 4 bits; unused slots are zero).</summary>
    public const int MpuRegionSlots = 16;

    /// <summary>R0-R15 (R13 is the current SP).</summary>
    public readonly uint[] Regs = new uint[16];

    /// <summary>APSR | IPSR | EPSR (IT and T bits) as xpsr_read gives it.</summary>
    public uint Xpsr;
    public uint OtherSp;
    public bool R13IsPsp;
    public uint Primask;
    public uint Basepri;
    public uint Faultmask;

    /// <summary>CONTROL: bit 0 nPRIV, bit 1 SPSEL, bit 2 FPCA.</summary>
    public uint Control;
    public bool ExclusiveValid;
    public uint ExclusiveAddress;
    public bool EventRegister;
    public byte RunState = (byte)ArmCpuRunState.Stopped;

    /// <summary>S0-S31 (version 2; QEMU keeps them in its "cpu/vfp" subsection).</summary>
    public readonly uint[] ExtRegs = new uint[32];
    public uint Fpscr;
    public uint Cpacr;
    public uint Fpccr;
    public uint Fpcar;
    public uint Fpdscr;

    /// <summary>MPU_CTRL (version 3).</summary>
    public uint MpuCtrl;
    public uint MpuRnr;

    /// <summary>Region base addresses (MPU_RBAR bits 31:5).</summary>
    public readonly uint[] MpuRbar = new uint[MpuRegionSlots];

    /// <summary>MPU_RASR bits 15:0 (ENABLE, SIZE, SRD).</summary>
    public readonly uint[] MpuRsr = new uint[MpuRegionSlots];

    /// <summary>MPU_RASR bits 31:16 (B, C, S, TEX, AP, XN).</summary>
    public readonly uint[] MpuRacr = new uint[MpuRegionSlots];

    /// <summary>Which subsections the saving core sends (not migrated themselves: the core model decides).</summary>
    public bool HasSecurityExtension, IsV8;

    /// <summary>1 when the core is in Secure state ("cpu/m-security").</summary>
    public uint Secure;
    public uint OtherSsMsp;
    public uint OtherSsPsp;

    /// <summary>The Secure bank; the main fields hold the Non-secure (or only) bank.</summary>
    public uint BasepriS;
    public uint PrimaskS;
    public uint FaultmaskS;

    /// <summary>Secure CONTROL: bit 0 nPRIV, bit 1 SPSEL, bit 2 FPCA, bit 3 SFPA.</summary>
    public uint ControlS;

    /// <summary>MSPLIM/PSPLIM indexed by bank (0 Non-secure, 1 Secure).</summary>
    public readonly uint[] Msplim = new uint[2];
    public readonly uint[] Psplim = new uint[2];
}
