// Implements: the per-image differences of QEMU 7.2 hw/arm/mps2-tz.c and hw/arm/armsse.c between mps2-an505
// (IoTKit, sse-version 0, one Cortex-M33 with FPU and DSP, one 32 KiB SRAM bank) and mps2-an521 (SSE-200,
// sse-version 200, two Cortex-M33: CPU0 without FPU/DSP, CPU1 with both and held by CPUWAIT; four SRAM banks;
// MHUs, CPU_IDENTITY, the PPUs and per-CPU cache/CPUSECCTRL regions) (mprofile.md §6.4).
namespace Nemu.Boards;

/// <summary>What distinguishes one MPS2 TrustZone FPGA image and its SSE from the other.</summary>
internal sealed record Mps2TzFpga(
    string Name,
    string Description,
    string SseName,
    uint SseVersion,
    int NumCpus,
    uint SccId,
    uint SysVersion,
    uint SysConfig,
    int SramBanks,
    uint CpuWaitReset,
    bool[] CpuFpu)
{
    public static Mps2TzFpga An505 { get; } = new(
        "mps2-an505", "ARM MPS2 with AN505 FPGA image for Cortex-M33", "iotkit", 0, 1, 0x41045050, 0x41743, 0x31, 1, 0, [true]);

    public static Mps2TzFpga An521 { get; } = new(
        "mps2-an521", "ARM MPS2 with AN521 FPGA image for dual Cortex-M33", "sse-200", 200, 2, 0x41045210, 0x22041743, 0x223004f4, 4, 2, [false, true]);

    /// <summary>SSE-200 only: MHUs, CPU_IDENTITY, PPUs, per-CPU cache and CPUSECCTRL blocks.</summary>
    public bool IsSse200 => SseVersion == 200;
}
