// ArmCpu as the monitor sees it: `info registers` prints CpuStateDump with CPU_DUMP_FPU (QEMU 7.2 hmp_info_registers).
using Nemu.Core.Threading;

namespace Nemu.Arm.Cpu;

public sealed partial class ArmCpu : ICpuStateDumper
{
    /// <inheritdoc/>
    public string DumpState(bool fpu) => CpuStateDump.Format(this, fpu) + "\n";
}
