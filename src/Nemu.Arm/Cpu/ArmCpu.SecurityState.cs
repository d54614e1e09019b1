// Migration of the v8-M CPU state (QEMU 7.2 machine.c "cpu/m-security" CPU fields and "cpu/m/v8m"; ArmCpuState
// version 4): the security state, the other state's MSP/PSP, the Secure bank of PRIMASK/BASEPRI/FAULTMASK/CONTROL
// (with SFPA) and both banks' MSPLIM/PSPLIM. A stream from a v7 core or an older version has none of it; the fields
// then reset to what a core without the extension has.
using Nemu.Core.State;

namespace Nemu.Arm.Cpu;

public sealed partial class ArmCpu
{
    private void SaveSecurityState(ArmCpuState s)
    {
        s.HasSecurityExtension = HasSecurityExtension;
        s.IsV8 = IsV8;
        s.Secure = Secure ? 1u : 0;
        s.OtherSsMsp = OtherSsMsp;
        s.OtherSsPsp = OtherSsPsp;
        s.PrimaskS = PrimaskOf(true) ? 1u : 0;
        s.BasepriS = BasepriOf(true);
        s.FaultmaskS = FaultmaskOf(true) ? 1u : 0;
        s.ControlS = (ControlNPrivOf(true) ? 1u : 0) | (ControlSpselOf(true) ? 2u : 0) | (ControlFpca ? 4u : 0)
            | (ControlSfpa ? 8u : 0);
        Msplim.CopyTo(s.Msplim, 0);
        Psplim.CopyTo(s.Psplim, 0);
    }

    private void ValidateSecurityState(ArmCpuState s)
    {
        if (s.Secure > 1 || (s.Secure != 0 && !HasSecurityExtension) || s.BasepriS > 0xFF || s.ControlS > 0xF)
        {
            throw new StateLoadException($"cpu: invalid security state (secure {s.Secure}, basepri_s 0x{s.BasepriS:x}, control_s 0x{s.ControlS:x})");
        }
    }

    private void LoadSecurityState(ArmCpuState s)
    {
        Secure = s.Secure != 0;
        OtherSsMsp = s.OtherSsMsp;
        OtherSsPsp = s.OtherSsPsp;
        SetPrimaskOf(true, s.PrimaskS != 0);
        SetBasepriOf(true, (byte)s.BasepriS);
        SetFaultmaskOf(true, s.FaultmaskS != 0);
        SetControlNPrivOf(true, (s.ControlS & 1) != 0);
        SetControlSpselOf(true, (s.ControlS & 2) != 0);
        ControlSfpa = HasFp && (s.ControlS & 8) != 0;
        if (Secure)
        {
            ControlFpca = (s.ControlS & 4) != 0;
        }

        for (var bank = 0; bank < 2; bank++)
        {
            Msplim[bank] = IsV8 ? s.Msplim[bank] & ~7u : 0;
            Psplim[bank] = IsV8 ? s.Psplim[bank] & ~7u : 0;
        }
    }
}
