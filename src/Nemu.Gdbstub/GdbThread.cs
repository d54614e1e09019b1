// A CPU as gdb sees it (QEMU gdbstub: gdb_get_cpu_pid / gdb_get_cpu_index; management.md §5.2): thread id =
// cpu_index + 1, process id = CPU cluster + 1.
using Nemu.Arm.Cpu;

namespace Nemu.Gdbstub;

/// <summary>One gdb thread: <paramref name="Cpu"/> in process <paramref name="Pid"/> with thread id <paramref name="Tid"/>.</summary>
public sealed record GdbThread(ArmCpu Cpu, int Pid, int Tid, GdbRegisterMap Registers);
