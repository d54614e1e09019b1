namespace Nemu.Core.Logging;

/// <summary>
/// The items of QEMU's <c>-d</c> option (management.md §8.1). Bits, so a mask selects several.
/// </summary>
[Flags]
public enum LogItem : uint
{
    None = 0,
    OutAsm = 1u << 0,
    InAsm = 1u << 1,
    Op = 1u << 2,
    OpOpt = 1u << 3,
    OpInd = 1u << 4,
    Int = 1u << 5,
    Exec = 1u << 6,
    Cpu = 1u << 7,
    Fpu = 1u << 8,
    Mmu = 1u << 9,
    Pcall = 1u << 10,
    CpuReset = 1u << 11,
    Unimp = 1u << 12,
    GuestErrors = 1u << 13,
    Page = 1u << 14,
    Nochain = 1u << 15,
    Plugin = 1u << 16,
    Strace = 1u << 17,
    Tid = 1u << 18,
    InvalidMem = 1u << 19,
}
