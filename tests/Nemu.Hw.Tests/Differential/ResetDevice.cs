using Nemu.Memory;

namespace Nemu.Hw.Tests.Differential;

/// <summary>
/// A device instance of a QEMU board: where it is mapped, how Nemu builds it with the board's properties, and
/// which registers are read. Registers with read side effects are left out (see <see cref="Skipped"/>).
/// </summary>
internal sealed record ResetDevice(
    string Board,
    string Device,
    ulong Base,
    Func<Misc.TestMachine, IMemoryRegionOps> Create,
    IReadOnlyList<(ulong Offset, string Name)> Registers,
    string Skipped = "")
{
    public IEnumerable<ResetRegister> Rows => Registers.Select(r => new ResetRegister(Board, Device, Base, r.Offset, r.Name));
}
