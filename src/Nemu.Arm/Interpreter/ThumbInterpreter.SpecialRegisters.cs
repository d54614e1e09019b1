// MRS/MSR special registers (Armv7-M ARM B5.1, Armv8-M ARM C2.4 MRS/MSR; mprofile.md §4.7), following QEMU 7.2
// HELPER(v7m_mrs)/HELPER(v7m_msr): xPSR fields and CONTROL are accessible unprivileged (MSR only CONTROL.SFPA),
// everything else reads as zero and ignores writes unprivileged. ARMv8-M adds MSPLIM/PSPLIM (SYSm 10/11, bits [2:0]
// RES0); the Security Extension adds the Non-secure aliases MSP_NS 0x88, PSP_NS 0x89, MSPLIM_NS 0x8A, PSPLIM_NS 0x8B,
// PRIMASK_NS 0x90, BASEPRI_NS 0x91, FAULTMASK_NS 0x93, CONTROL_NS 0x94 (readable unprivileged from Secure) and SP_NS
// 0x98 (its write checks the Non-secure stack limit), all RAZ/WI from Non-secure state, and CONTROL.SFPA (bit 3,
// Secure only). On v8-M a write of CONTROL.SPSEL in Handler mode is kept (no stack change until Thread mode).
// Unknown registers log QEMU's "Attempt to read/write unknown special register N" (guest_errors).
using System.Globalization;
using Nemu.Arm.Cpu;
using Nemu.Arm.Decoding;

namespace Nemu.Arm.Interpreter;

internal static partial class ThumbInterpreter
{
    private const uint ControlNPriv = 1, ControlSpsel = 2, ControlFpca = 4, ControlSfpa = 8;

    private static uint ReadSpecial(ArmCpu cpu, uint sysm)
    {
        var privileged = cpu.IsPrivileged;
        var v7 = !cpu.Model.IsV6M;
        switch (sysm)
        {
            case < 8:
                {
                    uint value = 0;
                    if ((sysm & 1) != 0 && privileged)
                    {
                        value |= (uint)cpu.Ipsr;
                    }

                    if ((sysm & 4) == 0)
                    {
                        value |= cpu.Xpsr & 0xF80F0000;
                    }

                    return value;
                }

            case SpecialRegisters.Control:
                return ControlOf(cpu, cpu.Secure) | (cpu.Secure && cpu.ControlSfpa ? ControlSfpa : 0);
            case SpecialRegisters.ControlNs:
                return cpu.Secure ? ControlOf(cpu, false) : 0;
        }

        if (!privileged)
        {
            return 0;
        }

        if (cpu.HasSecurityExtension && sysm is >= SpecialRegisters.MspNs and <= SpecialRegisters.SpNs)
        {
            switch (sysm)
            {
                case SpecialRegisters.MspNs:
                    return cpu.Secure ? cpu.OtherSsMsp : 0;
                case SpecialRegisters.PspNs:
                    return cpu.Secure ? cpu.OtherSsPsp : 0;
                case SpecialRegisters.MsplimNs:
                    return cpu.Secure ? cpu.Msplim[ArmCpu.BankNs] : 0;
                case SpecialRegisters.PsplimNs:
                    return cpu.Secure ? cpu.Psplim[ArmCpu.BankNs] : 0;
                case SpecialRegisters.PrimaskNs:
                    return cpu.Secure && cpu.PrimaskOf(false) ? 1u : 0;
                case SpecialRegisters.BasepriNs:
                    return cpu.Secure ? cpu.BasepriOf(false) : 0u;
                case SpecialRegisters.FaultmaskNs:
                    return cpu.Secure && cpu.FaultmaskOf(false) ? 1u : 0;
                case SpecialRegisters.SpNs:
                    return !cpu.Secure ? 0 : !cpu.IsHandlerMode && cpu.ControlSpselOf(false) ? cpu.OtherSsPsp : cpu.OtherSsMsp;
            }
        }

        switch (sysm)
        {
            case SpecialRegisters.Msp:
                return cpu.Msp;
            case SpecialRegisters.Psp:
                return cpu.Psp;
            case SpecialRegisters.Msplim when cpu.IsV8:
                return cpu.Msplim[cpu.Secure ? ArmCpu.BankS : ArmCpu.BankNs];
            case SpecialRegisters.Psplim when cpu.IsV8:
                return cpu.Psplim[cpu.Secure ? ArmCpu.BankS : ArmCpu.BankNs];
            case SpecialRegisters.Primask:
                return cpu.Primask ? 1u : 0;
            case SpecialRegisters.Basepri or SpecialRegisters.BasepriMax:
                return v7 ? cpu.Basepri : 0u;
            case SpecialRegisters.Faultmask:
                return v7 && cpu.Faultmask ? 1u : 0;
            default:
                ArmCpu.LogGuestError(string.Create(CultureInfo.InvariantCulture, $"Attempt to read unknown special register {sysm}"));
                return 0;
        }
    }

    // v7m_mrs_control: the bank's nPRIV and SPSEL with FPCA (which lives in the Secure bank, shared by both views).
    private static uint ControlOf(ArmCpu cpu, bool secure) =>
        (cpu.ControlNPrivOf(secure) ? ControlNPriv : 0) | (cpu.ControlSpselOf(secure) ? ControlSpsel : 0)
        | (cpu.ControlFpca ? ControlFpca : 0);

    // False when the write faulted (SP_NS below its limit): the instruction then has no effect.
    private static bool WriteSpecial(ArmCpu cpu, uint sysm, byte mask, uint value)
    {
        var v7 = !cpu.Model.IsV6M;
        if (sysm < 8)
        {
            // mask<1> writes NZCVQ, mask<0> writes GE[3:0] (DSP cores only; APSR_g alone is valid there).
            if ((sysm & 4) == 0 && (mask & 2) != 0)
            {
                cpu.SetApsr(value, includeGe: (mask & 1) != 0 && (cpu.Features & ArchFeatures.Dsp) != 0);
            }
            else if ((sysm & 4) == 0 && (mask & 1) != 0 && (cpu.Features & ArchFeatures.Dsp) != 0)
            {
                cpu.Ge = (value >> 16) & 0xF;
            }

            return true;
        }

        var privileged = cpu.IsPrivileged;
        if (!privileged && sysm != SpecialRegisters.Control)
        {
            return true;
        }

        if (cpu.HasSecurityExtension && sysm is >= SpecialRegisters.MspNs and <= SpecialRegisters.SpNs)
        {
            return !cpu.Secure || WriteNonSecureAlias(cpu, sysm, value);
        }

        switch (sysm)
        {
            case SpecialRegisters.Msp:
                cpu.Msp = value;
                return true;
            case SpecialRegisters.Psp:
                cpu.Psp = value;
                return true;
            case SpecialRegisters.Msplim when cpu.IsV8:
                cpu.Msplim[cpu.Secure ? ArmCpu.BankS : ArmCpu.BankNs] = value & ~7u;
                return true;
            case SpecialRegisters.Psplim when cpu.IsV8:
                cpu.Psplim[cpu.Secure ? ArmCpu.BankS : ArmCpu.BankNs] = value & ~7u;
                return true;
            case SpecialRegisters.Primask:
                cpu.Primask = (value & 1) != 0;
                break;
            case SpecialRegisters.Basepri when v7:
                cpu.Basepri = (byte)(value & 0xFF & (0xFF << (8 - cpu.Nvic.NumPriorityBits)));
                break;
            case SpecialRegisters.BasepriMax when v7:
                {
                    var v = (byte)(value & 0xFF & (0xFF << (8 - cpu.Nvic.NumPriorityBits)));
                    if (v != 0 && (v < cpu.Basepri || cpu.Basepri == 0))
                    {
                        cpu.Basepri = v;
                    }

                    break;
                }

            case SpecialRegisters.Faultmask when v7:
                if ((value & 1) == 0 || cpu.Nvic.ExecutionPriority() > -1)
                {
                    cpu.Faultmask = (value & 1) != 0;
                }

                break;
            case SpecialRegisters.Control:
                WriteControl(cpu, value, privileged, v7);
                break;
            default:
                ArmCpu.LogGuestError(string.Create(CultureInfo.InvariantCulture, $"Attempt to write unknown special register {sysm}"));
                return true;
        }

        // CONTROL.nPRIV and FAULTMASK select the MPU context (privilege, negative priority).
        cpu.OnMmuIndexChanged();
        cpu.RequestExceptionCheck();
        return true;
    }

    private static void WriteControl(ArmCpu cpu, uint value, bool privileged, bool v7)
    {
        if (privileged && (cpu.IsV8 || !cpu.IsHandlerMode))
        {
            // In Handler mode (v8 only) the bit is kept but the SP in use does not change until Thread mode.
            cpu.ControlSpsel = (value & ControlSpsel) != 0;
            cpu.SwitchStack(cpu.UsingPsp);
        }

        if (privileged && v7)
        {
            cpu.ControlNPriv = (value & ControlNPriv) != 0;
        }

        if (cpu.HasFp)
        {
            if (cpu.Secure)
            {
                cpu.ControlSfpa = (value & ControlSfpa) != 0;
            }

            if (privileged && (cpu.Secure || !cpu.HasSecurityExtension || (cpu.Nvic.Nsacr & NsacrCp10) != 0))
            {
                cpu.ControlFpca = (value & ControlFpca) != 0;
            }
        }
    }

    private const uint NsacrCp10 = 1u << 10;

    // The *_NS registers written from Secure state.
    private static bool WriteNonSecureAlias(ArmCpu cpu, uint sysm, uint value)
    {
        switch (sysm)
        {
            case SpecialRegisters.MspNs:
                cpu.OtherSsMsp = value;
                return true;
            case SpecialRegisters.PspNs:
                cpu.OtherSsPsp = value;
                return true;
            case SpecialRegisters.MsplimNs:
                cpu.Msplim[ArmCpu.BankNs] = value & ~7u;
                return true;
            case SpecialRegisters.PsplimNs:
                cpu.Psplim[ArmCpu.BankNs] = value & ~7u;
                return true;
            case SpecialRegisters.PrimaskNs:
                cpu.SetPrimaskOf(false, (value & 1) != 0);
                break;
            case SpecialRegisters.BasepriNs:
                cpu.SetBasepriOf(false, (byte)(value & 0xFF & (0xFF << (8 - cpu.Nvic.NumPriorityBits))));
                break;
            case SpecialRegisters.FaultmaskNs:
                cpu.SetFaultmaskOf(false, (value & 1) != 0);
                break;
            case SpecialRegisters.ControlNs:
                // Only the Non-secure bank changes: the Non-secure SPs are parked in OtherSs* while Secure runs.
                cpu.SetControlSpselOf(false, (value & ControlSpsel) != 0);
                cpu.SetControlNPrivOf(false, (value & ControlNPriv) != 0);
                if (cpu.HasFp && (cpu.Nvic.Nsacr & NsacrCp10) != 0)
                {
                    cpu.ControlFpca = (value & ControlFpca) != 0;
                }

                break;
            case SpecialRegisters.SpNs:
                {
                    var psp = !cpu.IsHandlerMode && cpu.ControlSpselOf(false);
                    if (value < (psp ? cpu.Psplim[ArmCpu.BankNs] : cpu.Msplim[ArmCpu.BankNs]))
                    {
                        cpu.RaiseStackOverflow();
                        return false;
                    }

                    if (psp)
                    {
                        cpu.OtherSsPsp = value;
                    }
                    else
                    {
                        cpu.OtherSsMsp = value;
                    }

                    return true;
                }

            default:
                ArmCpu.LogGuestError(string.Create(CultureInfo.InvariantCulture, $"Attempt to write unknown special register {sysm}"));
                return true;
        }

        cpu.OnMmuIndexChanged();
        cpu.RequestExceptionCheck();
        return true;
    }
}
