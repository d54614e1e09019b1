namespace Nemu.Loader.Generic;

/// <summary>
/// The properties of <c>-device loader</c> (QEMU hw/core/generic-loader.c; docs/system/generic-loader.rst).
/// Defaults match QEMU: addr 0, no cpu-num (CPU_NONE), data 0, data-len 0, data-be off, force-raw off.
/// </summary>
/// <param name="File">file=: an ELF (any machine) or raw image.</param>
/// <param name="Address">addr=: data address, raw load address, or the PC to set.</param>
/// <param name="CpuNumber">cpu-num=: the CPU whose PC is set and whose address space is used; null = CPU_NONE.</param>
/// <param name="ForceRaw">force-raw=on: load <see cref="File"/> raw even if it is an ELF.</param>
/// <param name="Data">data=: the value to store.</param>
/// <param name="DataLength">data-len=: 1..8 bytes of <see cref="Data"/>.</param>
/// <param name="DataBigEndian">data-be=on.</param>
public sealed record GenericLoaderRequest(
    string? File = null,
    ulong Address = 0,
    uint? CpuNumber = null,
    bool ForceRaw = false,
    ulong Data = 0,
    uint DataLength = 0,
    bool DataBigEndian = false);
