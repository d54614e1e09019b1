// The migratable state of the SSE-200 message handling unit, QEMU's vmstate "armsse-mhu" v1.
namespace Nemu.Hw.ArmSse;

/// <summary>Plain-data state of <see cref="ArmsseMhu"/>.</summary>
public sealed class ArmsseMhuState
{
    public uint Cpu0Intr;
    public uint Cpu1Intr;
}
