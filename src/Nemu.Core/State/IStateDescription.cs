// Implements: management.md §4.3/§4.4, the non-generic view of a VMStateDescription.
using System.Text.Json;

namespace Nemu.Core.State;

/// <summary>
/// The type-independent face of a <see cref="StateDescription{TState}"/> (QEMU's VMStateDescription):
/// used by migration, vmdesc dumps and the monitor, which do not know the device's state type.
/// </summary>
public interface IStateDescription
{
    /// <summary>The vmsd name (section idstr, and prefix of subsection names).</summary>
    string Name { get; }

    /// <summary>The version written by <c>Save</c> (QEMU's version_id).</summary>
    int VersionId { get; }

    /// <summary>The oldest stream version <c>Load</c> accepts (QEMU's minimum_version_id).</summary>
    int MinimumVersionId { get; }

    IReadOnlyList<StateFieldInfo> Fields { get; }

    IReadOnlyList<IStateDescription> Subsections { get; }

    /// <summary>Writes the members <c>"vmsd_name"</c>, <c>"version"</c>, <c>"fields"</c>, <c>"subsections"</c> into the open JSON object.</summary>
    void WriteDescription(Utf8JsonWriter writer);

    /// <summary>The vmdesc object of this description, e.g. <c>{"vmsd_name":"x","version":1,"fields":[…]}</c>.</summary>
    string DescribeJson();
}
