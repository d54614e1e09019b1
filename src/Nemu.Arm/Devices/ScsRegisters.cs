// The System Control Space registers at 0xE000E000 (NVIC and SCB; Armv7-M ARM B3.2-B3.4, QEMU nvic_sysreg_read/
// write; mprofile.md §4.4, §4.5) as a register table over the Nvic state: ICTR, ISER/ICER/ISPR/ICPR/IABR, IPR,
// CPUID, ICSR, VTOR, AIRCR (VECTKEY, PRIGROUP, SYSRESETREQ), SCR, CCR, SHPR1-3, SHCSR, CFSR/HFSR/DFSR/MMFAR/BFAR,
// the ID registers, CPACR (CP10/CP11 only; RAZ/WI without an FPU), FPCCR/FPCAR/FPDSCR and MVFR0-2 (ArmCpu.Fp.cs), STIR and the CoreSight ID bytes (the MPU block is ScsRegisters.Mpu.cs). Unprivileged accesses are
// bus errors except STIR with CCR.USERSETMPEND. SysTick (0x010-0x0EF) is its own region (SysTick.cs).
// As QEMU 7.2 (checked with tests/firmware/mprofile/b90_register_dump.c): word-only registers log "NVIC: Bad read
// of size N at offset 0x.." for other sizes and read as zero; v6-M logs bad offsets for ICTR, SCR, SHCSR, HFSR,
// MMFAR, BFAR, the ID registers, STIR and CCR writes, and reads SHPR1/CFSR as zero; writes to read-only registers
// are bad write offsets. Banked registers use the bank of the access's security (Nvic.AccessSecure); the v8-M rows are
// ScsRegisters.Security.cs and the Non-secure alias at 0xE002E000 is ScsNsAlias.
using Nemu.Arm.Exceptions;
using Nemu.Core.Logging;
using Nemu.Memory;
using Nemu.Qdev.Registers;

namespace Nemu.Arm.Devices;

/// <summary>The <c>nvic_sysregs</c> region's MMIO callbacks.</summary>
public sealed partial class ScsRegisters : IMemoryRegionOps
{
    private const uint StirOffset = 0xF00;

    private const uint CcrBfhfnmign = 1 << 8, CfsrBfsr = 0xFF00;
    private static readonly RegisterTable<Nvic> Table = BuildTable();
    private readonly Nvic _nvic;
    private readonly RegisterBlock<Nvic> _registers;

    public ScsRegisters(Nvic nvic)
    {
        _nvic = nvic;
        _registers = Table.Bind(nvic);
    }

    public AccessConstraints Constraints => Table.Constraints;

    private static RegisterTable<Nvic> BuildTable()
    {
        var b = RegisterTable<Nvic>.Builder("nvic_sysregs", 0x1000).BadOffsetMessages("NVIC: Bad read offset ", "NVIC: Bad write offset ");
        b.Register(0x004, "ICTR", RegisterAccess.ReadOnly, read: static (n, _) => (uint)Math.Max(0, (n.NumIrq / 32) - 1));
        for (var i = 0; i < 16; i++)
        {
            var first = ExceptionNumber.FirstExternal + (32 * i);
            b.Register(0x100 + (ulong)(4 * i), $"ISER{i}", RegisterAccess.ReadWrite, read: (n, _) => Bits(n, first, v => v.Enabled), write: (n, v, _) => SetBits(n, first, v, static (ref x) => x.Enabled = true));
            b.Register(0x180 + (ulong)(4 * i), $"ICER{i}", RegisterAccess.ReadWrite, read: (n, _) => Bits(n, first, v => v.Enabled), write: (n, v, _) => SetBits(n, first, v, static (ref x) => x.Enabled = false));
            b.Register(0x200 + (ulong)(4 * i), $"ISPR{i}", RegisterAccess.ReadWrite, read: (n, _) => Bits(n, first, v => v.Pending), write: (n, v, _) => ForBits(n, first, v, e => n.SetPending(e, false)));
            b.Register(0x280 + (ulong)(4 * i), $"ICPR{i}", RegisterAccess.ReadWrite, read: (n, _) => Bits(n, first, v => v.Pending), write: (n, v, _) => ForBits(n, first, v, n.ClearPendingExternal));
            b.Register(0x300 + (ulong)(4 * i), $"IABR{i}", RegisterAccess.ReadOnly, read: (n, _) => n.Cpu.Model.IsV6M ? 0 : Bits(n, first, v => v.Active));
        }

        for (var i = 0; i < 496; i++)
        {
            var exc = ExceptionNumber.FirstExternal + i;
            b.Register(0x400 + (ulong)i, $"IPR{i}", RegisterAccess.ReadWrite, width: 1,
                read: (n, _) => exc < n.VectorCount && VisibleToAccess(n, exc) ? (uint)(byte)n.Vector(exc).Priority : 0,
                write: (n, v, _) =>
                {
                    if (exc < n.VectorCount && VisibleToAccess(n, exc))
                    {
                        n.SetPriority(exc, false, (int)v);
                    }
                });
        }

        b.Register(0xD00, "CPUID", RegisterAccess.ReadOnly, read: static (n, _) => n.Cpu.Model.Cpuid);
        b.Register(0xD04, "ICSR", RegisterAccess.ReadWrite, read: static (n, _) => ReadIcsr(n), write: static (n, v, _) => WriteIcsr(n, v));
        b.Register(0xD08, "VTOR", RegisterAccess.ReadWrite, static n => ref n.VtorOf(n.AccessSecure), writeMask: 0xFFFFFF80);
        b.Register(0xD0C, "AIRCR", RegisterAccess.ReadWrite, read: static (n, _) => ReadAircr(n), write: static (n, v, _) => WriteAircr(n, v));
        // SLEEPDEEP (bit 2) and SLEEPDEEPS (bit 3) read as zero and ignore writes, as on QEMU 7.2 (no deep sleep).
        // Other bits are stored as written (0xFFFFFFFF reads back 0xFFFFFFF3 on QEMU 7.2).
        b.Register(0xD10, "SCR", RegisterAccess.ReadWrite, static n => ref n.ScrOf(n.AccessSecure), writeMask: 0xFFFFFFF3);
        b.Register(0xD14, "CCR", RegisterAccess.ReadWrite, read: static (n, _) => ReadCcr(n), write: static (n, v, _) => WriteCcr(n, v));
        for (var exc = 4; exc < 16; exc++)
        {
            var e = exc;
            b.Register(0xD18 + (ulong)(exc - 4), $"SHPR{((exc - 4) / 4) + 1}[{e}]", RegisterAccess.ReadWrite, width: 1,
                read: (n, _) => ShprBank(n, e) is var bank and >= 0 ? (uint)(byte)n.VectorOf(e, bank == 1).Priority : 0,
                write: (n, v, _) =>
                {
                    if (ShprBank(n, e) is var bank and >= 0)
                    {
                        n.SetPriority(e, bank == 1, (int)v);
                    }
                });
        }

        b.Register(0xD24, "SHCSR", RegisterAccess.ReadWrite, read: static (n, _) => ReadShcsr(n), write: static (n, v, _) => WriteShcsr(n, v));
        b.Register(0xD28, "CFSR", RegisterAccess.ReadWrite, read: static (n, _) => ReadCfsr(n), write: static (n, v, _) => WriteCfsr(n, v));
        b.Register(0xD2C, "HFSR", RegisterAccess.WriteOneToClear, static n => ref n.Hfsr);
        b.Register(0xD30, "DFSR", RegisterAccess.WriteOneToClear, static n => ref n.Dfsr);
        b.Register(0xD34, "MMFAR", RegisterAccess.ReadWrite, static n => ref n.MmfarOf(n.AccessSecure));
        b.Register(0xD38, "BFAR", RegisterAccess.ReadWrite, read: static (n, _) => BusFaultVisible(n) ? n.Bfar : 0, write: static (n, v, _) =>
        {
            if (BusFaultVisible(n))
            {
                n.Bfar = v;
            }
        });
        b.Register(0xD3C, "AFSR", RegisterAccess.ReadWrite, writeMask: 0);
        string[] idNames = ["ID_PFR0", "ID_PFR1", "ID_DFR0", "ID_AFR0", "ID_MMFR0", "ID_MMFR1", "ID_MMFR2", "ID_MMFR3", "ID_ISAR0", "ID_ISAR1", "ID_ISAR2", "ID_ISAR3", "ID_ISAR4", "ID_ISAR5"];
        for (var i = 0; i < idNames.Length; i++)
        {
            var index = i;
            b.Register(0xD40 + (ulong)(4 * i), idNames[i], RegisterAccess.ReadOnly, read: (n, _) => n.Cpu.Model.IdRegisters[index]);
        }

        // Cache identification (ARMv7-M B4.8): QEMU 7.2 reads CLIDR/CCSIDR as 0 on these cores and keeps CSSELR's
        // level and InD bits; CTR is 0 except on Cortex-M33 (QEMU's cortex_m33_initfn sets 0x8000C000).
        b.Register(0xD78, "CLIDR", RegisterAccess.ReadOnly);
        b.Register(0xD7C, "CTR", RegisterAccess.ReadOnly, read: static (n, _) => n.Cpu.Model.Name == "cortex-m33" ? 0x8000C000u : 0);
        b.Register(0xD80, "CCSIDR", RegisterAccess.ReadOnly);
        b.Register(0xD84, "CSSELR", RegisterAccess.ReadWrite, static n => ref n.Csselr, writeMask: 0xF);
        b.Register(0xD88, "CPACR", RegisterAccess.ReadWrite, read: static (n, _) => n.Cpu.HasFp ? n.CpacrOf(n.AccessSecure) : 0, write: static (n, v, _) =>
        {
            if (n.Cpu.HasFp)
            {
                n.CpacrOf(n.AccessSecure) = v & 0x00F0_0000;
            }
        });
        AddSecurityRegisters(b);
        AddMpuRegisters(b);
        AddSauRegisters(b);
        b.Register(StirOffset, "STIR", RegisterAccess.WriteOnly, write: static (n, v, _) =>
        {
            // No ITNS check for Non-secure writes, as QEMU 7.2 (mprofile.md §8.11).
            var exc = ExceptionNumber.FirstExternal + (int)(v & 0x1FF);
            if (exc < n.VectorCount)
            {
                n.SetPending(exc, false);
            }
        });
        AddFpRegisters(b);
        // Cache and branch predictor maintenance operations (ARMv7-M B2.2.7): write-only, no caches to maintain.
        string[] maintenance = ["ICIALLU", string.Empty, "ICIMVAU", "DCIMVAC", "DCISW", "DCCMVAU", "DCCMVAC", "DCCSW", "DCCIMVAC", "DCCISW", "BPIALL"];
        for (var i = 0; i < maintenance.Length; i++)
        {
            if (maintenance[i].Length != 0)
            {
                b.Register(0xF50 + (ulong)(4 * i), maintenance[i], RegisterAccess.WriteOnly, write: static (_, _, _) => { });
            }
        }

        for (var i = 0; i < 3; i++)
        {
            var index = i;
            b.Register(0xF40 + (ulong)(4 * i), $"MVFR{i}", RegisterAccess.ReadOnly, read: (n, _) => n.Cpu.Model.Mvfr[index]);
        }

        byte[] ids = [0x00, 0xB0, 0x1B, 0x00, 0x0D, 0xE0, 0x05, 0xB1];
        for (var i = 0; i < ids.Length; i++)
        {
            b.Register(0xFE0 + (ulong)(4 * i), i < 4 ? $"PID{i}" : $"CID{i - 4}", RegisterAccess.ReadOnly, reset: ids[i]);
        }

        return b.Build();
    }

    private delegate void VectorUpdate(ref NvicVector vector);

    private static uint Bits(Nvic n, int first, Func<NvicVector, bool> test)
    {
        uint value = 0;
        for (var bit = 0; bit < 32 && first + bit < n.VectorCount; bit++)
        {
            if (test(n.Vector(first + bit)) && VisibleToAccess(n, first + bit))
            {
                value |= 1u << bit;
            }
        }

        return value;
    }

    private static void SetBits(Nvic n, int first, uint value, VectorUpdate update)
    {
        for (var bit = 0; bit < 32 && first + bit < n.VectorCount; bit++)
        {
            if ((value & (1u << bit)) != 0 && VisibleToAccess(n, first + bit))
            {
                update(ref n.Vector(first + bit));
            }
        }

        n.Recompute();
    }

    private static void ForBits(Nvic n, int first, uint value, Action<int> action)
    {
        for (var bit = 0; bit < 32 && first + bit < n.VectorCount; bit++)
        {
            if ((value & (1u << bit)) != 0 && VisibleToAccess(n, first + bit))
            {
                action(first + bit);
            }
        }
    }

    private static uint ReadIcsr(Nvic n)
    {
        var s = n.AccessSecure;
        var value = (uint)n.Cpu.Ipsr;
        value |= n.RetToBase ? 1u << 11 : 0;
        value |= (uint)(n.VectPending & 0x1FF) << 12;
        value |= n.IsrPending ? 1u << 22 : 0;

        value |= n.VectorOf(ExceptionNumber.SysTick, s).Pending ? 1u << 26 : 0;
        value |= n.VectorOf(ExceptionNumber.PendSv, s).Pending ? 1u << 28 : 0;
        value |= BusFaultVisible(n) && n.Vector(ExceptionNumber.Nmi).Pending ? 1u << 31 : 0;
        return value;
    }

    private static void WriteIcsr(Nvic n, uint value)
    {
        var s = n.AccessSecure;
        if (BusFaultVisible(n))
        {
            if ((value & (1u << 31)) != 0)
            {
                n.SetPending(ExceptionNumber.Nmi, false);
            }
            else if ((value & (1u << 30)) != 0 && n.Cpu.IsV8)
            {
                // PENDNMICLR (v8-M only).
                n.ClearPending(ExceptionNumber.Nmi, false);
            }
        }

        if ((value & (1u << 28)) != 0)
        {
            n.SetPending(ExceptionNumber.PendSv, s);
        }
        else if ((value & (1u << 27)) != 0)
        {
            n.ClearPending(ExceptionNumber.PendSv, s);
        }

        if ((value & (1u << 26)) != 0)
        {
            n.SetPending(ExceptionNumber.SysTick, s);
        }
        else if ((value & (1u << 25)) != 0)
        {
            n.ClearPending(ExceptionNumber.SysTick, s);
        }
    }

    private static uint ReadAircr(Nvic n)
    {
        var value = 0xFA050000 | ((uint)n.PriGroupOf(n.AccessSecure) << 8);
        if (n.Cpu.HasSecurityExtension)
        {
            value |= n.Bfhfnmins ? 1u << 13 : 0;
            if (n.AccessSecure)
            {
                value |= (n.Pris ? 1u << 14 : 0) | (n.Sysresetreqs ? 1u << 3 : 0);
            }
        }

        return value;
    }

    private static void WriteAircr(Nvic n, uint value)
    {
        if ((value >> 16) != 0x05FA)
        {
            return;
        }

        if ((value & 2) != 0 && Log.IsEnabled(LogItem.GuestErrors))
        {
            Log.Write(LogItem.GuestErrors, "Setting VECTCLRACTIVE when not in DEBUG mode is UNPREDICTABLE");
        }

        if ((value & 1) != 0 && Log.IsEnabled(LogItem.GuestErrors))
        {
            Log.Write(LogItem.GuestErrors, "Setting VECTRESET when not in DEBUG mode is UNPREDICTABLE");
        }

        if (!n.Cpu.Model.IsV6M)
        {
            n.PriGroupOf(n.AccessSecure) = (int)((value >> 8) & 7);
        }

        if (n.AccessSecure && n.Cpu.HasSecurityExtension)
        {
            n.WriteSecureAircrBits(pris: (value & (1u << 14)) != 0, bfhfnmins: (value & (1u << 13)) != 0, sysresetreqs: (value & (1u << 3)) != 0);
        }
        else
        {
            n.Recompute();
        }

        // SYSRESETREQ from Non-secure state is ignored while AIRCR.SYSRESETREQS is set.
        if ((value & 4) != 0 && (n.AccessSecure || !n.Sysresetreqs))
        {
            n.SystemResetRequested?.Invoke();
        }
    }

    // CCR: BFHFNMIGN (bit 8), the one unbanked bit, is kept in the Non-secure copy (QEMU); v8-M makes STKALIGN and
    // NONBASETHRDENA RES1. STKOFHFNMIGN and the cache enables are not writable, as on QEMU 7.2 (mprofile.md §8.5).
    // From Non-secure state BFHFNMIGN is RAZ/WI unless AIRCR.BFHFNMINS hands BusFault/HardFault/NMI to it.
    private static uint ReadCcr(Nvic n)
    {
        var value = n.CcrOf(n.AccessSecure) | (n.CcrOf(false) & CcrBfhfnmign);
        return BfhfnmignHidden(n) ? value & ~CcrBfhfnmign : value;
    }

    private static bool BfhfnmignHidden(Nvic n) => n.Cpu.HasSecurityExtension && !n.AccessSecure && !n.Bfhfnmins;

    private static void WriteCcr(Nvic n, uint value)
    {
        value &= 0x31B;
        if (n.Cpu.IsV8)
        {
            value |= 0x201;
        }

        if (n.AccessSecure)
        {
            n.CcrOf(false) = (n.CcrOf(false) & ~CcrBfhfnmign) | (value & CcrBfhfnmign);
            value &= ~CcrBfhfnmign;
        }
        else if (BfhfnmignHidden(n))
        {
            value = (value & ~CcrBfhfnmign) | (n.CcrOf(false) & CcrBfhfnmign);
        }

        n.CcrOf(n.AccessSecure) = value;
    }

    // CFSR: banked, with BFSR (bits 15:8) shared and kept in the Non-secure copy; write-one-to-clear.
    private static uint ReadCfsr(Nvic n) => n.CfsrOf(n.AccessSecure) | (n.CfsrOf(false) & CfsrBfsr);

    private static void WriteCfsr(Nvic n, uint value)
    {
        n.CfsrOf(n.AccessSecure) &= ~value;
        if (n.AccessSecure)
        {
            n.CfsrOf(false) &= ~(value & CfsrBfsr);
        }
    }

    // SHCSR bit → exception: active bits 0,1,3,7,8,10,11; pending 12-15; enables 16-18.
    private static readonly (int Bit, int Exception)[] ActiveBits = [(0, 4), (1, 5), (3, 6), (7, 11), (8, 12), (10, 14), (11, 15)];
    private static readonly (int Bit, int Exception)[] PendingBits = [(12, 6), (13, 4), (14, 5), (15, 11)];
    private static readonly (int Bit, int Exception)[] EnableBits = [(16, 4), (17, 5), (18, 6)];

    private static uint ReadShcsr(Nvic n)
    {
        if (n.Cpu.HasSecurityExtension)
        {
            return ReadShcsrSecurity(n);
        }

        uint value = 0;
        foreach (var (bit, e) in ActiveBits)
        {
            value |= n.Vector(e).Active ? 1u << bit : 0;
        }

        foreach (var (bit, e) in PendingBits)
        {
            value |= n.Vector(e).Pending ? 1u << bit : 0;
        }

        foreach (var (bit, e) in EnableBits)
        {
            value |= n.Vector(e).Enabled ? 1u << bit : 0;
        }

        return value;
    }

    private static void WriteShcsr(Nvic n, uint value)
    {
        if (n.Cpu.Model.IsV6M)
        {
            return;
        }

        if (n.Cpu.HasSecurityExtension)
        {
            WriteShcsrSecurity(n, value);
            return;
        }

        foreach (var (bit, e) in ActiveBits)
        {
            n.Vector(e).Active = (value & (1u << bit)) != 0;
        }

        foreach (var (bit, e) in PendingBits)
        {
            n.Vector(e).Pending = (value & (1u << bit)) != 0;
        }

        foreach (var (bit, e) in EnableBits)
        {
            n.Vector(e).Enabled = (value & (1u << bit)) != 0;
        }

        n.Recompute();
    }
}
