// One feature file of the target description (management.md §5.3): its annex name, gdb feature name and registers.
namespace Nemu.Gdbstub;

/// <summary>A target-description feature served as <paramref name="Annex"/> (e.g. <c>arm-m-system.xml</c>).</summary>
public sealed record GdbFeature(string Annex, string Name, IReadOnlyList<GdbRegister> Registers, bool Dynamic);
