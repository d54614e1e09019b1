// The SAU and SecureFault status rows of the SCS (Armv8-M ARM D1.2 SAU_CTRL 0xDD0, SAU_TYPE 0xDD4, SAU_RNR 0xDD8,
// SAU_RBAR 0xDDC, SAU_RLAR 0xDE0, SFSR 0xDE4, SFAR 0xDE8; mprofile.md §4.4, §5.5; QEMU 7.2 nvic_readl/nvic_writel).
// Secure only: a Non-secure access (attrs.Secure clear, through Nvic.AccessSecure) reads zero and writes are
// ignored. Values as the an505 regdump shows: SAU_CTRL keeps bits 1:0, SAU_TYPE reads the region count (8),
// SAU_RNR ignores out-of-range regions (logged), RBAR keeps bits 31:5, RLAR clears bits 4:2, SFSR is write-one-to-
// clear. SFAR is read/write as the architecture says (deviation: QEMU 7.2 writes the value into SFSR, mprofile.md
// §8.7). Cores without the Security Extension log bad offsets, as QEMU does.
using System.Globalization;
using Nemu.Arm.Exceptions;
using Nemu.Core.Logging;
using Nemu.Qdev.Registers;

namespace Nemu.Arm.Devices;

/// <summary>SAU register block of the SCS.</summary>
public sealed partial class ScsRegisters
{
    private static void AddSauRegisters(RegisterTableBuilder<Nvic> b)
    {
        SauRow(b, 0xDD0, "SAU_CTRL", static n => n.Cpu.Sau.Ctrl, static (n, v) => n.Cpu.Sau.WriteCtrl(v));
        SauRow(b, 0xDD4, "SAU_TYPE", static n => (uint)n.Cpu.Sau.Regions, static (_, _) => { });
        SauRow(b, 0xDD8, "SAU_RNR", static n => n.Cpu.Sau.Rnr, static (n, v) =>
        {
            if (!n.Cpu.Sau.WriteRnr(v) && Log.IsEnabled(LogItem.GuestErrors))
            {
                Log.Write(LogItem.GuestErrors, string.Create(CultureInfo.InvariantCulture, $"SAU region out of range {v}/{n.Cpu.Sau.Regions}"));
            }
        });
        SauRow(b, 0xDDC, "SAU_RBAR", static n => n.Cpu.Sau.ReadRbar(), static (n, v) => n.Cpu.Sau.WriteRbar(v));
        SauRow(b, 0xDE0, "SAU_RLAR", static n => n.Cpu.Sau.ReadRlar(), static (n, v) => n.Cpu.Sau.WriteRlar(v));
        SauRow(b, 0xDE4, "SFSR", static n => n.Sfsr, static (n, v) => n.Sfsr &= ~v);
        SauRow(b, 0xDE8, "SFAR", static n => n.Sfar, static (n, v) => n.Sfar = v);
    }

    private static void SauRow(RegisterTableBuilder<Nvic> b, ulong offset, string name, Func<Nvic, uint> read, Action<Nvic, uint> write) =>
        b.Register(offset, name, RegisterAccess.ReadWrite,
            read: (n, _) => !n.Cpu.HasSecurityExtension ? BadOffset("read", offset) : AccessSecure(n.Cpu) ? read(n) : 0,
            write: (n, v, _) =>
            {
                if (!n.Cpu.HasSecurityExtension)
                {
                    BadOffset("write", offset);
                }
                else if (AccessSecure(n.Cpu))
                {
                    write(n, v);
                }
            });
}
