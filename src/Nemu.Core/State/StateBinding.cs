// Implements: a VMStateDescription paired with its opaque (QEMU's vmstate_register(dev, vmsd, opaque)).
namespace Nemu.Core.State;

/// <summary>
/// A state description bound to one state object, so migration, snapshots and device reset can save,
/// load and reset it without knowing the state type.
/// </summary>
public abstract class StateBinding
{
    /// <summary>The description of the bound state.</summary>
    public abstract IStateDescription Description { get; }

    /// <summary>The section body at the description's current version.</summary>
    public abstract byte[] Save();

    public abstract void SaveTo(StateWriter writer);

    /// <summary>Loads a whole section body written at <paramref name="versionId"/>.</summary>
    public abstract void Load(ReadOnlyMemory<byte> data, int versionId);

    public abstract void LoadFrom(StateReader reader, int versionId);

    /// <summary>Restores the declared reset values.</summary>
    public abstract void Reset();
}
