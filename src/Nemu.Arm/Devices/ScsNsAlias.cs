// The Non-secure aliases of the System Control Space on ARMv8-M, "nvic_sysregs_ns" at 0xE002E000 and
// "v7m_systick_ns" at 0xE002E010 (QEMU 7.2 nvic_sysreg_ns_read/write; Armv8-M ARM D1.1 "System Control Space";
// mprofile.md §4.4, §9 #56): a Secure access behaves as a Non-secure access to the real register (the same ops
// with attrs.Secure cleared), a Non-secure privileged access reads as zero and ignores writes, and a Non-secure
// unprivileged access is a bus error. Unlike QEMU 7.2, a Secure access to the SysTick alias works (7.2 blocks it as
// re-entrant I/O, a documented deviation).
using Nemu.Core;
using Nemu.Memory;

namespace Nemu.Arm.Devices;

/// <summary>The Non-secure alias of an SCS region (<c>nvic_sysregs_ns</c>, <c>v7m_systick_ns</c>).</summary>
public sealed class ScsNsAlias : IMemoryRegionOps
{
    private readonly IMemoryRegionOps _target;

    public ScsNsAlias(IMemoryRegionOps target)
    {
        ArgumentNullException.ThrowIfNull(target);
        _target = target;
    }

    public AccessConstraints Constraints => _target.Constraints;

    public MemTxResult Read(ulong offset, uint size, MemTxAttrs attrs, out ulong value)
    {
        if (attrs.Secure)
        {
            return _target.Read(offset, size, attrs with { Secure = false }, out value);
        }

        value = 0;
        return attrs.User ? MemTxResult.Error : MemTxResult.Ok;
    }

    public MemTxResult Write(ulong offset, ulong value, uint size, MemTxAttrs attrs)
    {
        if (attrs.Secure)
        {
            return _target.Write(offset, value, size, attrs with { Secure = false });
        }

        return attrs.User ? MemTxResult.Error : MemTxResult.Ok;
    }
}
