// What an MPU lookup allows at an address (Armv7-M ARM B3.5.9 AP and XN; QEMU's PAGE_READ/WRITE/EXEC prot bits).
namespace Nemu.Arm.Exceptions;

/// <summary>Read, write and execute permission bits.</summary>
[Flags]
public enum MpuPermissions
{
    None = 0,
    Read = 1,
    Write = 2,
    Execute = 4,
    ReadWrite = Read | Write,
    All = Read | Write | Execute,
}
