namespace Nemu.Loader.Elf;

/// <summary>A function symbol: [<see cref="Address"/>, <see cref="Address"/> + <see cref="Size"/>).</summary>
public readonly record struct ElfSymbol(string Name, ulong Address, ulong Size);
