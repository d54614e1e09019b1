// Register access for a debugger (QEMU target/arm/gdbstub.c: arm_cpu_gdb_read/write_register, vfp_gdb_get/set_reg,
// arm_gdb_get_m_systemreg, arm_gdb_get_m_secextreg; management.md §5.3). Registers are named as in QEMU 10.0's target
// descriptions: r0..r12 sp lr pc xpsr, d0..d15 fpscr, msp psp primask control basepri faultmask msplim psplim and the
// Security Extension's banked <name>_ns / <name>_s. The unsuffixed system registers are the current security state's.
// Not modelled: writing system registers (QEMU 10.0's setters do nothing either, so a debugger write is ignored there).
namespace Nemu.Arm.Cpu;

public sealed partial class ArmCpu
{
    /// <summary>
    /// Reads the register a debugger calls <paramref name="name"/> (32-bit values, or the 64-bit d registers); false
    /// for a name this core does not have (no FPU, no Main Extension, not v8-M, no Security Extension).
    /// </summary>
    public bool TryReadDebugRegister(string name, out ulong value)
    {
        value = 0;
        if (TryCoreIndex(name, out var core))
        {
            value = core == 16 ? Xpsr : R[core];
            return true;
        }

        if (HasFp && TryDoubleIndex(name, out var d))
        {
            value = GetDouble(d);
            return true;
        }

        if (HasFp && name == "fpscr")
        {
            value = FpscrValue;
            return true;
        }

        var secure = Secure;
        var baseName = name;
        if (name.EndsWith("_ns", StringComparison.Ordinal) || name.EndsWith("_s", StringComparison.Ordinal))
        {
            if (!HasSecurityExtension)
            {
                return false;
            }

            secure = name.EndsWith("_s", StringComparison.Ordinal);
            baseName = name[..name.LastIndexOf('_')];
        }

        if (!TryReadSystemRegister(baseName, secure, out var system))
        {
            return false;
        }

        value = system;
        return true;
    }

    /// <summary>
    /// Writes a core or FP register as a debugger does (pc keeps bit 0 clear; xpsr keeps the exception number); false
    /// for a name this core does not have or a system register (read-only to a debugger, as in QEMU).
    /// </summary>
    public bool TryWriteDebugRegister(string name, ulong value)
    {
        if (TryCoreIndex(name, out var core))
        {
            switch (core)
            {
                case 16:
                    // xpsr_write(env, value, ~XPSR_EXCP): the IPSR field is not writable from a debugger.
                    Xpsr = (uint)value;
                    break;
                case 15:
                    R[15] = (uint)value & ~1u;
                    break;
                default:
                    R[core] = (uint)value;
                    break;
            }

            return true;
        }

        if (HasFp && TryDoubleIndex(name, out var d))
        {
            SetDouble(d, value);
            return true;
        }

        if (HasFp && name == "fpscr")
        {
            FpscrValue = (uint)value;
            return true;
        }

        return false;
    }

    private bool TryReadSystemRegister(string name, bool secure, out uint value)
    {
        var main = !Model.IsV6M;
        value = name switch
        {
            "msp" => MspOf(secure),
            "psp" => PspOf(secure),
            "primask" => PrimaskOf(secure) ? 1u : 0,
            "control" => ControlOf(secure),
            "basepri" when main => BasepriOf(secure),
            "faultmask" when main => FaultmaskOf(secure) ? 1u : 0,
            "msplim" when IsV8 => Msplim[secure ? BankS : BankNs],
            "psplim" when IsV8 => Psplim[secure ? BankS : BankNs],
            _ => 0,
        };
        return name is "msp" or "psp" or "primask" or "control" || (main && name is "basepri" or "faultmask")
            || (IsV8 && name is "msplim" or "psplim");
    }

    // arm_v7m_get_sp_ptr: the live R13 when that stack pointer is in use, else the banked copy.
    private uint MspOf(bool secure) => !HasSecurityExtension || secure == Secure ? (_r13IsPsp ? OtherSp : R[13]) : OtherSsMsp;

    private uint PspOf(bool secure) => !HasSecurityExtension || secure == Secure ? (_r13IsPsp ? R[13] : OtherSp) : OtherSsPsp;

    // arm_v7m_mrs_control: FPCA lives in the Secure bank and shows in both views; SFPA only in the Secure one.
    private uint ControlOf(bool secure) =>
        (ControlNPrivOf(secure) ? 1u : 0) | (ControlSpselOf(secure) ? 2u : 0) | (ControlFpca ? 4u : 0)
        | (secure && HasSecurityExtension && ControlSfpa ? 8u : 0);

    private static bool TryCoreIndex(string name, out int index)
    {
        index = name switch
        {
            "sp" => 13,
            "lr" => 14,
            "pc" => 15,
            "xpsr" => 16,
            _ => name.Length is 2 or 3 && name[0] == 'r' && int.TryParse(name.AsSpan(1), out var n) && n is >= 0 and <= 12
                && (name.Length == 2 || name[1] != '0') ? n : -1,
        };
        return index >= 0;
    }

    private static bool TryDoubleIndex(string name, out int index)
    {
        index = name.Length is 2 or 3 && name[0] == 'd' && int.TryParse(name.AsSpan(1), out var n) && n is >= 0 and <= 15
            && (name.Length == 2 || name[1] != '0') ? n : -1;
        return index >= 0;
    }
}
