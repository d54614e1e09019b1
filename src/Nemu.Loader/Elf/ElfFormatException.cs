// Implements: the error side of the ELF parser: one precise message per malformed structure.
namespace Nemu.Loader.Elf;

/// <summary>The bytes are not a loadable ELF file; <see cref="Exception.Message"/> says exactly why.</summary>
public sealed class ElfFormatException : Exception
{
    public ElfFormatException(string message)
        : base(message)
    {
    }
}
