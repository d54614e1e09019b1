// The System Control Space rows of ARMv8-M and its Security Extension (Armv8-M ARM D1.2; QEMU 7.2
// hw/intc/armv7m_nvic.c nvic_readl/nvic_writel; mprofile.md §4.4, §4.5; observed in
// /work/notes/issue5-ref/regdump-*.txt and tests/firmware/mprofile/b92_v8_register_dump.c): CPPWR (RAZ/WI), ITNS0-15
// (Secure only, RAZ/WI from Non-secure), NSACR (Secure only, CP10/CP11 with an FPU), the banked SHCSR views, and the
// FP control registers FPCCR/FPCAR/FPDSCR with FPCCR's mix of banked and unbanked bits (v7-M cores keep their single
// copy and the v7 write mask). The access's security comes from Nvic.AccessSecure (the attrs of the SCS access, or
// Non-secure through the 0xE002E000 alias). On cores without v8-M the new offsets stay bad offsets.
using Nemu.Arm.Cpu;
using Nemu.Arm.Exceptions;
using Nemu.Qdev.Registers;

namespace Nemu.Arm.Devices;

/// <summary>ARMv8-M/Security Extension register rows of the SCS.</summary>
public sealed partial class ScsRegisters
{
    private const uint Cppwr = 0x00C, Nsacr = 0xD8C;

    // nvic_writel keeps only the FPCCR bits v7-M has: LSPACT, USER, THREAD, HFRDY, MMRDY, BFRDY, MONRDY, LSPEN, ASPEN.
    private const uint FpccrV7Writable = 0xC000017B;

    // FPCCR bits a Non-secure read sees of the Secure copy (the BusFault/HardFault ready bits only with BFHFNMINS).
    private const uint FpccrNsVisible = Nvic.FpccrLspen | Nvic.FpccrClrOnRet | ArmCpu.FpccrMonRdy;

    private static void AddSecurityRegisters(RegisterTableBuilder<Nvic> b)
    {
        b.Register(Cppwr, "CPPWR", RegisterAccess.ReadWrite, writeMask: 0);
        for (var i = 0; i < 16; i++)
        {
            var first = ExceptionNumber.FirstExternal + (32 * i);
            b.Register(0x380 + (ulong)(4 * i), $"ITNS{i}", RegisterAccess.ReadWrite, read: (n, _) => ReadItns(n, first), write: (n, v, _) => WriteItns(n, first, v));
        }

        b.Register(Nsacr, "NSACR", RegisterAccess.ReadWrite, read: static (n, _) => n.AccessSecure && n.Cpu.HasFp ? n.Nsacr : 0, write: static (n, v, _) =>
        {
            if (n.AccessSecure && n.Cpu.HasFp)
            {
                n.Nsacr = v & (3u << 10);
            }
        });
    }

    private static void AddFpRegisters(RegisterTableBuilder<Nvic> b)
    {
        b.Register(0xF34, "FPCCR", RegisterAccess.ReadWrite, read: static (n, _) => ReadFpccr(n), write: static (n, v, _) => WriteFpccr(n, v));
        b.Register(0xF38, "FPCAR", RegisterAccess.ReadWrite, read: static (n, _) => n.Cpu.HasFp ? n.FpcarOf(n.AccessSecure) : 0, write: static (n, v, _) =>
        {
            if (n.Cpu.HasFp)
            {
                n.FpcarOf(n.AccessSecure) = v & ~7u;
            }
        });
        b.Register(0xF3C, "FPDSCR", RegisterAccess.ReadWrite, read: static (n, _) => n.Cpu.HasFp ? n.FpdscrOf(n.AccessSecure) : 0, write: static (n, v, _) =>
        {
            if (n.Cpu.HasFp)
            {
                if (n.Cpu.IsV8)
                {
                    n.FpdscrOf(n.AccessSecure) = v & 0x07C0_0000;
                }
                else
                {
                    n.Cpu.FpdscrValue = v;
                }
            }
        });
    }

    // nvic_sysreg_read/write's "attrs.secure || itns[vec]": a Non-secure access sees only the external interrupts ITNS
    // gives to Non-secure state (every one on cores without the Security Extension).
    private static bool VisibleToAccess(Nvic n, int exc) => n.AccessSecure || !n.Cpu.HasSecurityExtension || n.TargetsNonSecureItns(exc);

    // BusFault state (SHCSR bits, SHPR slot, BFAR) is visible to Non-secure accesses only with AIRCR.BFHFNMINS.
    private static bool BusFaultVisible(Nvic n) => n.AccessSecure || !n.Cpu.HasSecurityExtension || n.Bfhfnmins;

    // shpr_bank: 1 = the Secure copy of a banked exception, 0 = the (only or Non-secure) record, -1 = RAZ/WI.
    private static int ShprBank(Nvic n, int exc)
    {
        if (!n.Cpu.HasSecurityExtension)
        {
            return exc is not (7 or 8 or 9 or 10 or 13) && !(n.Cpu.Model.IsV6M && exc < 8) ? 0 : -1;
        }

        return exc switch
        {
            ExceptionNumber.MemManage or ExceptionNumber.UsageFault or ExceptionNumber.SvCall or ExceptionNumber.PendSv or ExceptionNumber.SysTick => n.AccessSecure ? 1 : 0,
            ExceptionNumber.BusFault => BusFaultVisible(n) ? 0 : -1,
            ExceptionNumber.SecureFault => n.AccessSecure ? 0 : -1,
            ExceptionNumber.DebugMonitor => 0,
            _ => -1,
        };
    }

    // The v8-M-only offsets, bad offsets on older cores as on QEMU 7.2.
    private static bool IsV8Only(ulong offset) => offset is Cppwr or Nsacr or (>= 0x380 and < 0x3C0);

    private static uint ReadItns(Nvic n, int first)
    {
        if (!n.AccessSecure)
        {
            return 0;
        }

        uint value = 0;
        for (var bit = 0; bit < 32 && first + bit < n.VectorCount; bit++)
        {
            value |= n.TargetsNonSecureItns(first + bit) ? 1u << bit : 0;
        }

        return value;
    }

    private static void WriteItns(Nvic n, int first, uint value)
    {
        if (!n.AccessSecure)
        {
            return;
        }

        for (var bit = 0; bit < 32 && first + bit < n.VectorCount; bit++)
        {
            n.SetItns(first + bit, (value & (1u << bit)) != 0);
        }

        n.Recompute();
    }

    private static uint ReadFpccr(Nvic n)
    {
        if (!n.Cpu.HasFp)
        {
            return 0;
        }

        if (!n.Cpu.HasSecurityExtension)
        {
            return n.Cpu.FpccrValue;
        }

        if (n.AccessSecure)
        {
            return n.FpccrOf(true);
        }

        var mask = FpccrNsVisible | (n.Bfhfnmins ? ArmCpu.FpccrBfRdy | ArmCpu.FpccrHfRdy : 0);
        return (n.FpccrOf(true) & mask) | n.FpccrOf(false);
    }

    private static void WriteFpccr(Nvic n, uint value)
    {
        if (!n.Cpu.HasFp)
        {
            return;
        }

        if (!n.Cpu.IsV8)
        {
            n.Cpu.FpccrValue = value & FpccrV7Writable;
            return;
        }

        value &= ~Nvic.FpccrRes0;
        if (n.AccessSecure || !n.Cpu.HasSecurityExtension)
        {
            n.FpccrOf(true) = value;
            return;
        }

        // Non-secure: LSPEN/CLRONRET unless locked by LSPENS/CLRONRETS, HFRDY/BFRDY with BFHFNMINS, MONRDY; the other
        // unbanked bits are RAZ/WI and the banked ones go to the Non-secure copy.
        ref var s = ref n.FpccrOf(true);
        var writable = ArmCpu.FpccrMonRdy;
        writable |= (s & Nvic.FpccrLspenS) == 0 ? Nvic.FpccrLspen : 0;
        writable |= (s & Nvic.FpccrClrOnRetS) == 0 ? Nvic.FpccrClrOnRet : 0;
        writable |= n.Bfhfnmins ? ArmCpu.FpccrHfRdy | ArmCpu.FpccrBfRdy : 0;
        s = (s & ~writable) | (value & writable);
        n.FpccrOf(false) = value & Nvic.FpccrBanked;
    }

    // SHCSR of a core with the Security Extension (QEMU's attrs.secure branches): the accessing state's copies of
    // the banked exceptions, SecureFault from Secure only, BusFault and NMIACT with Secure or BFHFNMINS.
    private static uint ReadShcsrSecurity(Nvic n)
    {
        var s = n.AccessSecure;
        uint value = 0;
        value |= n.VectorOf(ExceptionNumber.MemManage, s).Active ? 1u << 0 : 0;
        value |= n.VectorOf(ExceptionNumber.HardFault, s).Active ? 1u << 2 : 0;
        value |= n.VectorOf(ExceptionNumber.UsageFault, s).Active ? 1u << 3 : 0;
        value |= n.VectorOf(ExceptionNumber.SvCall, s).Active ? 1u << 7 : 0;
        value |= n.VectorOf(ExceptionNumber.PendSv, s).Active ? 1u << 10 : 0;
        value |= n.VectorOf(ExceptionNumber.SysTick, s).Active ? 1u << 11 : 0;
        value |= n.VectorOf(ExceptionNumber.UsageFault, s).Pending ? 1u << 12 : 0;
        value |= n.VectorOf(ExceptionNumber.MemManage, s).Pending ? 1u << 13 : 0;
        value |= n.VectorOf(ExceptionNumber.SvCall, s).Pending ? 1u << 15 : 0;
        value |= n.VectorOf(ExceptionNumber.MemManage, s).Enabled ? 1u << 16 : 0;
        value |= n.VectorOf(ExceptionNumber.UsageFault, s).Enabled ? 1u << 18 : 0;
        value |= n.VectorOf(ExceptionNumber.HardFault, s).Pending ? 1u << 21 : 0;
        if (s)
        {
            ref var sf = ref n.Vector(ExceptionNumber.SecureFault);
            value |= (sf.Active ? 1u << 4 : 0) | (sf.Enabled ? 1u << 19 : 0) | (sf.Pending ? 1u << 20 : 0);
        }

        if (BusFaultVisible(n))
        {
            ref var bf = ref n.Vector(ExceptionNumber.BusFault);
            value |= (bf.Active ? 1u << 1 : 0) | (bf.Pending ? 1u << 14 : 0) | (bf.Enabled ? 1u << 17 : 0);
            value |= n.Vector(ExceptionNumber.Nmi).Active ? 1u << 5 : 0;
        }

        value |= n.Vector(ExceptionNumber.DebugMonitor).Active ? 1u << 8 : 0;
        return value;
    }

    private static void WriteShcsrSecurity(Nvic n, uint value)
    {
        var s = n.AccessSecure;
        static bool Bit(uint v, int b) => (v & (1u << b)) != 0;
        n.VectorOf(ExceptionNumber.MemManage, s).Active = Bit(value, 0);
        n.VectorOf(ExceptionNumber.UsageFault, s).Active = Bit(value, 3);
        n.VectorOf(ExceptionNumber.SvCall, s).Active = Bit(value, 7);
        n.VectorOf(ExceptionNumber.PendSv, s).Active = Bit(value, 10);
        n.VectorOf(ExceptionNumber.SysTick, s).Active = Bit(value, 11);
        n.VectorOf(ExceptionNumber.UsageFault, s).Pending = Bit(value, 12);
        n.VectorOf(ExceptionNumber.MemManage, s).Pending = Bit(value, 13);
        n.VectorOf(ExceptionNumber.SvCall, s).Pending = Bit(value, 15);
        n.VectorOf(ExceptionNumber.MemManage, s).Enabled = Bit(value, 16);
        n.VectorOf(ExceptionNumber.UsageFault, s).Enabled = Bit(value, 18);
        // The Secure HardFault's active bit cannot be written; HARDFAULTPENDED can.
        n.VectorOf(ExceptionNumber.HardFault, s).Pending = Bit(value, 21);
        if (s)
        {
            ref var sf = ref n.Vector(ExceptionNumber.SecureFault);
            sf.Active = Bit(value, 4);
            sf.Enabled = Bit(value, 19);
            sf.Pending = Bit(value, 20);
        }

        if (BusFaultVisible(n))
        {
            ref var bf = ref n.Vector(ExceptionNumber.BusFault);
            bf.Active = Bit(value, 1);
            bf.Pending = Bit(value, 14);
            bf.Enabled = Bit(value, 17);
        }

        // NMIACT and the Non-secure HARDFAULTACT can only be cleared, by the Secure CPU through the NS alias with
        // BFHFNMINS set.
        if (!s && n.Cpu.Secure && n.Bfhfnmins)
        {
            if (!Bit(value, 5))
            {
                n.Vector(ExceptionNumber.Nmi).Active = false;
            }

            if (!Bit(value, 2))
            {
                n.Vector(ExceptionNumber.HardFault).Active = false;
            }
        }

        n.Vector(ExceptionNumber.DebugMonitor).Active = Bit(value, 8);
        n.Recompute();
    }
}
