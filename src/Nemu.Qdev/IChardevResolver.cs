// Implements: the lookup behind QEMU's chardev properties (qdev_prop_chr): the id must name a chardev.
namespace Nemu.Qdev;

/// <summary>
/// Tells qdev whether a chardev id exists. The System layer implements it over its chardev table;
/// devices receive the chardev itself from that layer, qdev keeps only the id.
/// </summary>
public interface IChardevResolver
{
    /// <summary>True when a chardev with <paramref name="id"/> exists.</summary>
    bool Exists(string id);
}
