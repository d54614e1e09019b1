// Copies the CPU's architectural state to and from its migratable form (ArmCpuState; QEMU target/arm/machine.c
// cpu_pre_save/cpu_post_load). After a load the derived state is rebuilt: the decoded-code cache is flushed
// (guest RAM may differ) and the exception check is re-armed, as QEMU's post_load does with tb_flush and
// arm_rebuild_hflags. InstructionCount is a per-instance diagnostic and is not migrated. FP and MPU state included
// (ArmCpu.Mpu.cs); the security state and stack limits in ArmCpu.SecurityState.cs.
using Nemu.Core.State;

namespace Nemu.Arm.Cpu;

public sealed partial class ArmCpu
{
    /// <summary>Captures the registers into <paramref name="s"/> (reports pending icount first, as QEMU syncs icount).</summary>
    public void SaveState(ArmCpuState s)
    {
        ArgumentNullException.ThrowIfNull(s);
        FlushInstructionCount();
        ((ReadOnlySpan<uint>)R).CopyTo(s.Regs);
        s.Xpsr = Xpsr;
        s.OtherSp = OtherSp;
        s.R13IsPsp = _r13IsPsp;
        s.Primask = PrimaskOf(false) ? 1u : 0;
        s.Basepri = BasepriOf(false);
        s.Faultmask = FaultmaskOf(false) ? 1u : 0;
        s.Control = (ControlNPrivOf(false) ? 1u : 0) | (ControlSpselOf(false) ? 2u : 0) | (ControlFpca ? 4u : 0);
        SaveSecurityState(s);
        s.ExclusiveValid = ExclusiveValid;
        s.ExclusiveAddress = ExclusiveAddress;
        s.EventRegister = EventRegister;
        s.RunState = (byte)State;
        ExtRegs.CopyTo(s.ExtRegs, 0);
        s.Fpscr = Fpscr;
        s.Cpacr = Cpacr;
        s.Fpccr = Fpccr;
        s.Fpcar = Fpcar;
        s.Fpdscr = Fpdscr;
        SaveMpuState(s);
    }

    /// <summary>Writes <paramref name="s"/> into the live CPU and rebuilds derived state; rejects impossible values.</summary>
    public void LoadState(ArmCpuState s)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (s.RunState > (byte)ArmCpuRunState.Stopped)
        {
            throw new StateLoadException($"cpu: invalid run_state {s.RunState}");
        }

        if (s.Basepri > 0xFF || s.Control > 7 || (!HasFp && s.Control > 3))
        {
            throw new StateLoadException($"cpu: invalid basepri 0x{s.Basepri:x} or control 0x{s.Control:x}");
        }

        ValidateSecurityState(s);

        s.Regs.AsSpan(0, RegisterFile.Count).CopyTo(R);
        Xpsr = s.Xpsr;
        Ipsr = (int)(s.Xpsr & 0x1FF);
        OtherSp = s.OtherSp;
        _r13IsPsp = s.R13IsPsp;
        SetPrimaskOf(false, s.Primask != 0);
        SetBasepriOf(false, (byte)s.Basepri);
        SetFaultmaskOf(false, s.Faultmask != 0);
        SetControlNPrivOf(false, (s.Control & 1) != 0);
        SetControlSpselOf(false, (s.Control & 2) != 0);
        ControlFpca = (s.Control & 4) != 0;
        LoadSecurityState(s);
        s.ExtRegs.CopyTo(ExtRegs, 0);
        FpscrValue = s.Fpscr;
        CpacrValue = s.Cpacr;
        // The raw field: UFRDY (set by lazy stacking, not writable by the guest) must survive a migration.
        Fpccr = HasFp ? s.Fpccr & (FpccrWritable | FpccrUfRdy) : 0;
        FpcarValue = s.Fpcar;
        FpdscrValue = s.Fpdscr;
        LoadMpuState(s);
        ExclusiveValid = s.ExclusiveValid;
        ExclusiveAddress = s.ExclusiveAddress;
        EventRegister = s.EventRegister;
        State = (ArmCpuRunState)s.RunState;
        _reportedCount = InstructionCount;
        PendingExceptionReturn = false;
        _pages.Clear();
        _checkExceptions = true;
        _stopSlice = true;
    }
}
