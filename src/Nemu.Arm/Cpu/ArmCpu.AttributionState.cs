// Save and load of the SAU and PMSAv8 banks (ArmCpuAttributionState; QEMU target/arm/machine.c "cpu/pmsav8" and
// "cpu/m-security"). Loading validates what the guest could not have written (out-of-range RNRs, MPU_CTRL bits
// beyond 2:0, SAU_CTRL beyond 1:0) and drops every cached translation.
using Nemu.Core.State;

namespace Nemu.Arm.Cpu;

/// <summary>Migration of the attribution state.</summary>
public sealed partial class ArmCpu
{
    /// <summary>Captures the SAU and PMSAv8 registers into <paramref name="s"/> (zeros on cores without PMSAv8).</summary>
    public void SaveAttributionState(ArmCpuAttributionState s)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (_pmsav8 is not { } banks)
        {
            return;
        }

        SaveBank(banks[BankNs], out s.MpuCtrlNs, out s.MpuRnrNs, s.RbarNs, s.RlarNs, out s.Mair0Ns, out s.Mair1Ns);
        SaveBank(banks[BankS], out s.MpuCtrlS, out s.MpuRnrS, s.RbarS, s.RlarS, out s.Mair0S, out s.Mair1S);
        var sau = Sau;
        for (var i = 0; i < ArmCpuAttributionState.SauRegionSlots; i++)
        {
            s.SauRbar[i] = i < sau.Regions ? sau.Rbar[i] : 0;
            s.SauRlar[i] = i < sau.Regions ? sau.Rlar[i] : 0;
        }

        s.SauRnr = sau.Rnr;
        s.SauCtrl = sau.Ctrl;
    }

    /// <summary>Writes <paramref name="s"/> into the SAU and PMSAv8 banks; rejects impossible values.</summary>
    public void LoadAttributionState(ArmCpuAttributionState s)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (_pmsav8 is not { } banks)
        {
            return;
        }

        var regions = (uint)Math.Max(1, Model.MpuRegions);
        if (s.MpuCtrlNs > 7 || s.MpuCtrlS > 7 || s.MpuRnrNs >= regions || s.MpuRnrS >= regions)
        {
            throw new StateLoadException($"cpu: invalid mpu_ctrl 0x{s.MpuCtrlNs:x}/0x{s.MpuCtrlS:x} or pmsav7.rnr {s.MpuRnrNs}/{s.MpuRnrS}");
        }

        if (s.SauCtrl > 3 || (s.SauRnr != 0 && s.SauRnr >= (uint)Sau.Regions))
        {
            throw new StateLoadException($"cpu: invalid sau.ctrl 0x{s.SauCtrl:x} or sau.rnr {s.SauRnr}");
        }

        _resettingMpu = true;
        banks[BankNs].Load(s.MpuCtrlNs, s.MpuRnrNs, s.Mair0Ns, s.Mair1Ns, s.RbarNs, s.RlarNs);
        banks[BankS].Load(s.MpuCtrlS, s.MpuRnrS, s.Mair0S, s.Mair1S, s.RbarS, s.RlarS);
        Sau.Load(s.SauCtrl, s.SauRnr, s.SauRbar, s.SauRlar);
        _resettingMpu = false;
        OnSauChanged();
    }

    private static void SaveBank(Exceptions.Pmsav8Mpu bank, out uint ctrl, out uint rnr, uint[] rbar, uint[] rlar, out uint mair0, out uint mair1)
    {
        ctrl = bank.Ctrl;
        rnr = bank.Rnr;
        mair0 = bank.Mair0;
        mair1 = bank.Mair1;
        for (var i = 0; i < rbar.Length; i++)
        {
            rbar[i] = i < bank.RegionCount ? bank.RegionBase(i) : 0;
            rlar[i] = i < bank.RegionCount ? bank.RegionLimit(i) : 0;
        }
    }
}
