// Implements: the lookup behind QEMU's DEFINE_PROP_CHR at realize (qemu_chr_fe_init on the named backend).
using Nemu.Chardevs;

namespace Nemu.Hw.Misc;

/// <summary>
/// The machine service serial devices use to find the chardev their <c>chardev</c> property names
/// (register it with <c>QdevTree.AddService&lt;IChardevProvider&gt;</c>).
/// </summary>
public interface IChardevProvider
{
    /// <summary>The chardev with <paramref name="id"/>, or null.</summary>
    Chardev? FindChardev(string id);
}
