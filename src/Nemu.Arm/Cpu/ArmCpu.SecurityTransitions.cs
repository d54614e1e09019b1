// Security state transitions (Armv8-M ARM B3.2.x; QEMU HELPER(v7m_bxns), HELPER(v7m_blxns),
// v7m_handle_execute_nsc, do_v7m_function_return; mprofile.md §1.3).
// Not modelled yet: every transition; a fetch from Non-secure state into Secure NSC memory is refused (INVEP).
namespace Nemu.Arm.Cpu;

/// <summary>SG, BXNS, BLXNS and FNC_RETURN.</summary>
public sealed partial class ArmCpu
{
    /// <summary>
    /// v7m_handle_execute_nsc: the fetch at PC from Non-secure state hit Secure, Non-secure-callable memory. If the
    /// instruction there is SG, executes it (switch to Secure, LR bit 0 cleared) and returns true; false means the
    /// caller raises SecureFault INVEP.
    /// </summary>
    internal bool HandleExecuteNsc() => false;
}
