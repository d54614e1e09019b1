using Nemu.Core;
using Nemu.Loader.Rom;

namespace Nemu.Loader.Generic;

/// <summary>
/// What a <c>-device loader</c> does at each reset, besides the blobs it added to the <see cref="RomSet"/>:
/// set a CPU's PC and/or store a value (QEMU's generic_loader_reset: PC first, then the data write).
/// </summary>
/// <param name="CpuIndex">The CPU used: cpu-num, or 0 (first_cpu) when none was given.</param>
/// <param name="SetPc">The PC to set on <see cref="CpuIndex"/>, or null.</param>
/// <param name="DataAddress">Where <see cref="DataBytes"/> is written in that CPU's address space.</param>
/// <param name="DataBytes">The data-len bytes to write, or null when there is no data write.</param>
/// <param name="Blobs">The blobs added to the RomSet (file loads).</param>
public sealed record GenericLoaderPlan(int CpuIndex, ulong? SetPc, GuestAddress DataAddress, byte[]? DataBytes, IReadOnlyList<RomBlob> Blobs);
