// The MPU registers of the System Control Space (Armv7-M ARM B3.5.5-B3.5.9: MPU_TYPE 0xD90, MPU_CTRL 0xD94,
// MPU_RNR 0xD98, MPU_RBAR/MPU_RASR 0xD9C/0xDA0 and the aliases RBAR_A1-A3/RASR_A1-A3 at 0xDA4-0xDB8, which on
// PMSAv7 access the region RNR selects exactly like the base registers; mprofile.md §5.1, §5.3). Values read back
// as on qemu-system-arm 7.2 (tests/firmware/mprofile/b59_mpu_overlap.c): TYPE 0x800 with 8 regions and 0 on
// Cortex-M0, which has no MPU; as in QEMU, MPU_CTRL is stored on every core. Armv8-M (Armv8-M ARM D1.2, mprofile.md
// §5.4): the PMSAv8 bank of the access's security state (attrs.Secure, through Nvic.AccessSecure), RBAR/RLAR
// stored raw, the aliases address region (RNR & ~3) | n, MAIR0/MAIR1 at 0xDC0/0xDC4 (bad offsets before v8), and
// MPU_TYPE the same in both banks (0x1000 with QEMU 7.2's 16 regions).
using Nemu.Arm.Cpu;
using Nemu.Arm.Exceptions;
using Nemu.Core.Logging;
using Nemu.Qdev.Registers;

namespace Nemu.Arm.Devices;

/// <summary>MPU register block of the SCS.</summary>
public sealed partial class ScsRegisters
{
    private static void AddMpuRegisters(RegisterTableBuilder<Nvic> b)
    {
        b.Register(0xD90, "MPU_TYPE", RegisterAccess.ReadOnly, read: static (n, _) => n.Cpu.IsPmsav8 ? Bank(n).Type : n.Cpu.Mpu.Type);
        b.Register(0xD94, "MPU_CTRL", RegisterAccess.ReadWrite,
            read: static (n, _) => n.Cpu.IsPmsav8 ? Bank(n).Ctrl : n.Cpu.Mpu.Ctrl,
            write: static (n, v, _) =>
            {
                if (n.Cpu.IsPmsav8)
                {
                    Bank(n).WriteCtrl(v);
                }
                else
                {
                    n.Cpu.Mpu.WriteCtrl(v);
                }
            });
        b.Register(0xD98, "MPU_RNR", RegisterAccess.ReadWrite,
            read: static (n, _) => n.Cpu.IsPmsav8 ? Bank(n).Rnr : n.Cpu.Mpu.Rnr,
            write: static (n, v, _) =>
            {
                if (n.Cpu.IsPmsav8)
                {
                    Bank(n).WriteRnr(v);
                }
                else
                {
                    n.Cpu.Mpu.WriteRnr(v);
                }
            });
        for (var i = 0; i < 4; i++)
        {
            var alias = i;
            var suffix = i == 0 ? string.Empty : $"_A{i}";
            b.Register(0xD9C + (ulong)(8 * i), "MPU_RBAR" + suffix, RegisterAccess.ReadWrite,
                read: (n, _) => n.Cpu.IsPmsav8 ? Bank(n).ReadRbar(alias) : n.Cpu.Mpu.ReadRbar(),
                write: (n, v, _) =>
                {
                    if (n.Cpu.IsPmsav8)
                    {
                        Bank(n).WriteRbar(alias, v);
                    }
                    else
                    {
                        n.Cpu.Mpu.WriteRbar(v);
                    }
                });
            b.Register(0xDA0 + (ulong)(8 * i), "MPU_RASR/RLAR" + suffix, RegisterAccess.ReadWrite,
                read: (n, _) => n.Cpu.IsPmsav8 ? Bank(n).ReadRlar(alias) : n.Cpu.Mpu.ReadRasr(),
                write: (n, v, _) =>
                {
                    if (n.Cpu.IsPmsav8)
                    {
                        Bank(n).WriteRlar(alias, v);
                    }
                    else
                    {
                        n.Cpu.Mpu.WriteRasr(v);
                    }
                });
        }

        for (var i = 0; i < 2; i++)
        {
            var index = i;
            var offset = 0xDC0 + (ulong)(4 * i);
            b.Register(offset, $"MPU_MAIR{i}", RegisterAccess.ReadWrite,
                read: (n, _) => !n.Cpu.IsPmsav8 ? BadOffset("read", offset) : index == 0 ? Bank(n).Mair0 : Bank(n).Mair1,
                write: (n, v, _) =>
                {
                    if (!n.Cpu.IsPmsav8)
                    {
                        BadOffset("write", offset);
                        return;
                    }

                    Bank(n).WriteMair(index, v);
                });
        }
    }

    // The PMSAv8 bank an SCS access reaches: the one of the access's security attribute.
    private static Pmsav8Mpu Bank(Nvic n) => n.Cpu.Pmsav8Of(AccessSecure(n.Cpu));

    private static bool AccessSecure(ArmCpu cpu) => cpu.Nvic.AccessSecure;

    // A row that does not exist on this core (QEMU's bad_offset): logged like the table's own bad offsets.
    private static uint BadOffset(string what, ulong offset)
    {
        if (Log.IsEnabled(LogItem.GuestErrors))
        {
            Log.Write(LogItem.GuestErrors, $"NVIC: Bad {what} offset 0x{offset:x}");
        }

        return 0;
    }
}
