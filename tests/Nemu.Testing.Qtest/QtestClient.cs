// Implements: a C# client of QEMU's qtest line protocol (pci.md §7.1), like libqtest.
// SEAM: piece Q implements it; the surface below is what tests use.
namespace Nemu.Testing.Qtest;

/// <summary>Drives an emulator (Nemu or qemu-system-arm) through its <c>-qtest</c> chardev.</summary>
public sealed class QtestClient
{
}
