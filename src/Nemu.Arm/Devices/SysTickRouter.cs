// The "v7m_systick" region at 0xE000E010 of a core with the ARMv8-M Security Extension (QEMU 7.2 hw/arm/armv7m.c
// v7m_systick_ops; mprofile.md §4.6): directs each access to the SysTick of the access's security state
// (attrs.Secure), so Secure and Non-secure code each see their own timer at the same address. Cores without the
// extension map their single SysTick directly.
using Nemu.Core;
using Nemu.Memory;

namespace Nemu.Arm.Devices;

/// <summary>Routes SysTick accesses to the Non-secure or Secure instance by the transaction's security.</summary>
public sealed class SysTickRouter : IMemoryRegionOps
{
    private readonly SysTick _nonSecure;
    private readonly SysTick _secure;

    public SysTickRouter(SysTick nonSecure, SysTick secure)
    {
        ArgumentNullException.ThrowIfNull(nonSecure);
        ArgumentNullException.ThrowIfNull(secure);
        _nonSecure = nonSecure;
        _secure = secure;
    }

    public AccessConstraints Constraints => _nonSecure.Constraints;

    public MemTxResult Read(ulong offset, uint size, MemTxAttrs attrs, out ulong value) =>
        (attrs.Secure ? _secure : _nonSecure).Read(offset, size, attrs, out value);

    public MemTxResult Write(ulong offset, ulong value, uint size, MemTxAttrs attrs) =>
        (attrs.Secure ? _secure : _nonSecure).Write(offset, value, size, attrs);
}
