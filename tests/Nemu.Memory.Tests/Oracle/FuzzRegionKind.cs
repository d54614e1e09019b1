// pci.md §1.1: the region kinds the fuzz generator creates.
namespace Nemu.Memory.Tests.Oracle;

/// <summary>Which constructor made a fuzzed region.</summary>
internal enum FuzzRegionKind
{
    Container,
    Io,
    Reservation,
    Ram,
    Rom,
    RomDevice,
    Alias,
}
