// The monitor's read-only view of one CPU (QEMU's cpu_dump_state as `info registers` and `-d cpu` use it). The
// monitor project does not reference the target (Arm) project, so it finds CPUs through the loop's ICpuRunner and
// this interface. Not modelled: writing registers (the gdb stub's concern).
namespace Nemu.Core.Threading;

/// <summary>A CPU that can print its state the way QEMU's <c>cpu_dump_state</c> does.</summary>
public interface ICpuStateDumper
{
    /// <summary>The register dump (lines ending in <c>\n</c>); <paramref name="fpu"/> adds the FP registers (CPU_DUMP_FPU).</summary>
    string DumpState(bool fpu);
}
