// The MPU registers of the System Control Space (Armv7-M ARM B3.5.5-B3.5.9: MPU_TYPE 0xD90, MPU_CTRL 0xD94,
// MPU_RNR 0xD98, MPU_RBAR/MPU_RASR 0xD9C/0xDA0 and the aliases RBAR_A1-A3/RASR_A1-A3 at 0xDA4-0xDB8, which on
// PMSAv7 access the region RNR selects exactly like the base registers; mprofile.md §5.1, §5.3). Values read back
// as on qemu-system-arm 7.2 (tests/firmware/mprofile/b59_mpu_overlap.c): TYPE 0x800 with 8 regions and 0 on
// Cortex-M0, which has no MPU; as in QEMU, MPU_CTRL is stored on every core.
using Nemu.Arm.Exceptions;
using Nemu.Qdev.Registers;

namespace Nemu.Arm.Devices;

/// <summary>MPU register block of the SCS.</summary>
public sealed partial class ScsRegisters
{
    private static void AddMpuRegisters(RegisterTableBuilder<Nvic> b)
    {
        b.Register(0xD90, "MPU_TYPE", RegisterAccess.ReadOnly, read: static (n, _) => n.Cpu.Mpu.Type);
        b.Register(0xD94, "MPU_CTRL", RegisterAccess.ReadWrite, read: static (n, _) => n.Cpu.Mpu.Ctrl, write: static (n, v, _) => n.Cpu.Mpu.WriteCtrl(v));
        b.Register(0xD98, "MPU_RNR", RegisterAccess.ReadWrite, read: static (n, _) => n.Cpu.Mpu.Rnr, write: static (n, v, _) => n.Cpu.Mpu.WriteRnr(v));
        for (var i = 0; i < 4; i++)
        {
            var suffix = i == 0 ? string.Empty : $"_A{i}";
            b.Register(0xD9C + (ulong)(8 * i), "MPU_RBAR" + suffix, RegisterAccess.ReadWrite, read: static (n, _) => n.Cpu.Mpu.ReadRbar(), write: static (n, v, _) => n.Cpu.Mpu.WriteRbar(v));
            b.Register(0xDA0 + (ulong)(8 * i), "MPU_RASR" + suffix, RegisterAccess.ReadWrite, read: static (n, _) => n.Cpu.Mpu.ReadRasr(), write: static (n, v, _) => n.Cpu.Mpu.WriteRasr(v));
        }
    }
}
