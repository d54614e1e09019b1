// MMIO access checks of the System Control Space in front of the register table, as QEMU 7.2's nvic_sysreg_read/
// nvic_sysreg_write and nvic_readl/nvic_writel decide them (mprofile.md §4.4; observed with
// tests/firmware/mprofile/b90_register_dump.c): unprivileged accesses are bus errors except STIR with
// CCR.USERSETMPEND; only ISER..IABR, IPR, SHPR, CFSR (and ID reads) take byte/halfword accesses, other sizes log
// "NVIC: Bad read/write of size N at offset 0x.." and read as zero; v6-M logs bad offsets for the registers it lacks,
// v7-M those of v8-M. The access's security (attrs.Secure) selects the banked registers (Nvic.AccessSecure).
using Nemu.Core;
using Nemu.Core.Logging;
using Nemu.Qdev.Registers;

namespace Nemu.Arm.Devices;

/// <summary>The SCS region's access checks.</summary>
public sealed partial class ScsRegisters
{
    public MemTxResult Read(ulong offset, uint size, MemTxAttrs attrs, out ulong value)
    {
        value = 0;
        _nvic.AccessSecure = attrs.Secure && _nvic.Cpu.HasSecurityExtension;
        if (attrs.User && !UserAccessOk(offset))
        {
            return MemTxResult.Error;
        }

        if (!IsSubWordCapable(offset, write: false))
        {
            if (size != 4)
            {
                LogBadSize("read", size, offset);
                return MemTxResult.Ok;
            }

            if (IsAbsent(offset, write: false))
            {
                LogBadOffset("read", offset);
                return MemTxResult.Ok;
            }
        }
        else if (IsRazWi(offset))
        {
            return MemTxResult.Ok;
        }

        return _registers.Read(offset, size, attrs, out value);
    }

    public MemTxResult Write(ulong offset, ulong value, uint size, MemTxAttrs attrs)
    {
        _nvic.AccessSecure = attrs.Secure && _nvic.Cpu.HasSecurityExtension;
        if (attrs.User && !UserAccessOk(offset))
        {
            return MemTxResult.Error;
        }

        if (!IsSubWordCapable(offset, write: true))
        {
            if (size != 4)
            {
                LogBadSize("write", size, offset);
                return MemTxResult.Ok;
            }

            if (IsAbsent(offset, write: true))
            {
                LogBadOffset("write", offset);
                return MemTxResult.Ok;
            }
        }
        else if (IsRazWi(offset) || offset is >= 0x300 and < 0x340)
        {
            // IABR is read-only and ignores writes without a log line.
            return MemTxResult.Ok;
        }

        return _registers.Write(offset, value, size, attrs);
    }

    // nvic_user_access_ok: only STIR, and only with CCR.USERSETMPEND of the accessed bank (for STIR_NS through the
    // alias the Non-secure CCR decides even for a Secure CPU).
    private bool UserAccessOk(ulong offset) => offset == StirOffset && (_nvic.CcrOf(_nvic.AccessSecure) & 2) != 0;

    // The ranges QEMU's nvic_sysreg_read/write decode at any access size (mprofile.md §4.4): ISER..IABR, IPR, SHPR,
    // CFSR, and for reads the CoreSight ID block. Everything else takes word accesses only.
    private static bool IsSubWordCapable(ulong offset, bool write) =>
        offset is (>= 0x100 and < 0x2C0) or (>= 0x300 and < 0x340) or (>= 0x400 and < 0x5F0) or (>= 0xD18 and < 0xD24) or (>= 0xD28 and < 0xD2C)
        || (!write && offset is >= 0xFE0 and < 0x1000);

    // Sub-word-capable registers that read as zero and ignore writes without a log line: SHPR1 and CFSR without the
    // Main Extension (v6-M).
    private bool IsRazWi(ulong offset) => _nvic.Cpu.Model.IsV6M && offset is (>= 0xD18 and < 0xD1C) or (>= 0xD28 and < 0xD2C);

    // Word registers QEMU 7.2's nvic_readl/nvic_writel reject ("NVIC: Bad read/write offset"): the v7-only and Main
    // Extension registers on v6-M, and writes to the read-only registers (IABR and MPU_TYPE ignore writes quietly).
    private bool IsAbsent(ulong offset, bool write)
    {
        if (!_nvic.Cpu.IsV8 && IsV8Only(offset))
        {
            return true;
        }

        if (_nvic.Cpu.Model.IsV6M)
        {
            switch (offset)
            {
                case 0x004 or 0xD10 or 0xD24 or 0xD2C or 0xD34 or 0xD38 or StirOffset:
                case >= 0xD40 and < 0xD78:
                case 0xD14 when write:
                    return true;
            }
        }

        if (!write || offset is >= 0xD90 and < 0xDC0)
        {
            return false;
        }

        return Table.Find(offset) is { Access: RegisterAccess.ReadOnly };
    }

    private static void LogBadSize(string what, uint size, ulong offset)
    {
        if (Log.IsEnabled(LogItem.GuestErrors))
        {
            Log.Write(LogItem.GuestErrors, $"NVIC: Bad {what} of size {size} at offset 0x{offset:x}");
        }
    }

    private static void LogBadOffset(string what, ulong offset)
    {
        if (Log.IsEnabled(LogItem.GuestErrors))
        {
            Log.Write(LogItem.GuestErrors, $"NVIC: Bad {what} offset 0x{offset:x}");
        }
    }
}
