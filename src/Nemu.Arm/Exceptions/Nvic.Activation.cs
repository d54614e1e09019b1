// Taking and completing exceptions on the NVIC with the ARMv8-M Security Extension (QEMU 7.2 hw/intc/armv7m_nvic.c
// armv7m_nvic_get_pending_irq_info, armv7m_nvic_acknowledge_irq, armv7m_nvic_complete_irq; mprofile.md §3 step 5,
// §4.3): the pending exception's target state, activation of the right copy, and v8-M's completion rules
// (DeActivate() of the HardFault or NMI holding a negative priority, -1 for an unbanked exception completed for the
// state it does not target). Cores without v8-M keep Nvic.cs's Acknowledge/Complete behaviour.
namespace Nemu.Arm.Exceptions;

/// <summary>Activation and completion of exceptions with the Security Extension.</summary>
public sealed partial class Nvic
{
    /// <summary>armv7m_nvic_get_pending_irq_info: the pending exception and the state it is taken to (no state change).</summary>
    public int GetPendingInfo(out bool targetsSecure)
    {
        targetsSecure = VectPendingTargetsSecure;
        return VectPending;
    }

    /// <summary>
    /// armv7m_nvic_acknowledge_irq: the pending exception (the Secure copy when <see cref="VectPendingSecure"/>) becomes
    /// active; returns its number and, in <paramref name="secure"/>, the state it is taken to.
    /// </summary>
    public int Acknowledge(out bool secure)
    {
        var exc = VectPending;
        secure = VectPendingTargetsSecure;
        var sBanked = VectPendingSecure;
        ref var v = ref sBanked ? ref _secVectors[exc] : ref _vectors[exc];
        System.Diagnostics.Debug.Assert(exc > ExceptionNumber.Reset && v.Enabled && v.Pending, "acknowledge without a pending exception");
        v.Pending = false;
        if (sBanked)
        {
            _secPendingBits &= ~(1ul << exc);
        }
        else
        {
            ClearBit(_pendingBits, exc);
        }

        if (!v.Active)
        {
            v.Active = true;
            if (sBanked)
            {
                _secActiveBits |= 1ul << exc;
            }
            else
            {
                SetBit(_activeBits, exc);
            }

            _activeCount++;
        }

        Update();
        return exc;
    }

    /// <summary>
    /// armv7m_nvic_complete_irq with the bank of the returning exception: -1 if that copy is not active (an illegal
    /// exception return), else RETTOBASE. On v8-M a negative raw execution priority deactivates the HardFault or NMI
    /// that holds it whatever <paramref name="exc"/> says (DeActivate()), and an unbanked exception completed for the
    /// state it does not target also answers -1 (after deactivating).
    /// </summary>
    public int Complete(int exc, bool secure)
    {
        if (!_cpu.Model.IsV8)
        {
            return Complete(exc);
        }

        if (exc <= ExceptionNumber.Reset || exc >= _vectors.Length)
        {
            return -1;
        }

        var bankS = secure && _secExt && IsBanked(exc);
        var target = exc;
        switch (ExceptionPriority)
        {
            case -1:
                target = ExceptionNumber.HardFault;
                bankS = _secExt && !Bfhfnmins;
                break;
            case -2:
                target = ExceptionNumber.Nmi;
                bankS = false;
                break;
            case -3:
                target = ExceptionNumber.HardFault;
                bankS = _secExt;
                break;
        }

        ref var v = ref bankS ? ref _secVectors[target] : ref _vectors[target];
        if (!v.Active)
        {
            return -1;
        }

        var result = _secExt && !IsBanked(exc) && TargetsSecureUnbanked(exc) != secure ? -1 : (_activeCount <= 1 ? 1 : 0);
        v.Active = false;
        if (bankS)
        {
            _secActiveBits &= ~(1ul << target);
        }
        else
        {
            ClearBit(_activeBits, target);
        }

        _activeCount--;
        if (target >= ExceptionNumber.FirstExternal && v.Level)
        {
            v.Pending = true;
            SetBit(_pendingBits, target);
        }

        Update();
        return result;
    }
}
