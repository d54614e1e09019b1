// Implements: the report of DeviceStateRoundTrip.Check.
namespace Nemu.Qdev;

/// <summary>Which types were checked, which have no migratable state, and what failed (one line per failure).</summary>
public sealed record DeviceStateRoundTripResult(
    IReadOnlyList<string> Checked,
    IReadOnlyList<string> Stateless,
    IReadOnlyList<string> Failures);
