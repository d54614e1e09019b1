namespace Nemu.Testing.Qtest;

/// <summary>A BAR mapped by <see cref="QPciDevice.IoMap"/>: the CPU address its space appears at (PIO through the host's window).</summary>
/// <param name="CpuAddress">Where the BAR's first byte is in the CPU's address space.</param>
/// <param name="BusAddress">The value programmed into the BAR (memory address, or I/O port).</param>
/// <param name="Size">The BAR's size in bytes.</param>
/// <param name="IsIo">True for an I/O BAR.</param>
public readonly record struct QPciBar(ulong CpuAddress, ulong BusAddress, ulong Size, bool IsIo);
