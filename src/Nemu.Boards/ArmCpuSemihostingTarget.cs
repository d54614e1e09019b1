// The semihosting call's view of an M-profile CPU (management.md §7): core registers, privilege, guest memory
// through the CPU's address space (cpu-memory-0) and the register dump of -d cpu.
using System.Text;
using Nemu.Arm.Cpu;
using Nemu.Core;
using Nemu.Semihosting;

namespace Nemu.Boards;

/// <summary><see cref="ISemihostingTarget"/> over an <see cref="ArmCpu"/>.</summary>
public sealed class ArmCpuSemihostingTarget(ArmCpu cpu) : ISemihostingTarget
{
    public bool IsPrivileged => cpu.IsPrivileged;

    public uint GetRegister(int n) => cpu.GetRegister(n);

    public void SetRegister(int n, uint value) => cpu.SetRegister(n, value);

    public bool ReadMemory(uint address, Span<byte> destination) =>
        (ulong)address + (ulong)destination.Length <= 0x1_0000_0000UL
        && cpu.Memory.ReadBuffer(new GuestAddress(address), destination, MemTxAttrs.UnspecifiedAttrs) == MemTxResult.Ok;

    public bool WriteMemory(uint address, ReadOnlySpan<byte> source) =>
        (ulong)address + (ulong)source.Length <= 0x1_0000_0000UL
        && cpu.Memory.WriteBuffer(new GuestAddress(address), source, MemTxAttrs.UnspecifiedAttrs) == MemTxResult.Ok;

    public string DumpState()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 16; i++)
        {
            text.Append(global::System.Globalization.CultureInfo.InvariantCulture, $"R{i:D2}={cpu.GetRegister(i):x8}");
            text.Append(i % 4 == 3 ? '\n' : ' ');
        }

        text.Append(global::System.Globalization.CultureInfo.InvariantCulture, $"XPSR={cpu.Xpsr:x8}\n");
        return text.ToString();
    }
}
