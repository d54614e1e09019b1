using Nemu.Qdev;

namespace Nemu.Cli.Tests;

/// <summary>Every device type this binary registers round-trips its versioned state (save, load, save, compare).</summary>
public sealed class DeviceStateTests
{
    /// <summary>Types without runtime state by design, with the reason; anything else must declare a state description.</summary>
    private static readonly Dictionary<string, string> StatelessByDesign = new()
    {
        ["loader"] = "configuration only: it acts at realize and reset (QEMU gives it no vmstate either)",
        ["unimplemented-device"] = "RAZ/WI with logging only (QEMU gives it no vmstate either)",
        ["tz-mpc"] = "has state (TzMpcState) but realize needs the board's downstream region: covered by Nemu.Hw.Tests TzMpcTests",
        ["armv7m"] = "has state (Armv7mState) but realize needs the board's memory link: covered by Nemu.Arm.Tests Armv7mStateTests",
    };

    [Fact]
    public void EveryRegisteredDeviceTypeRoundTripsItsState()
    {
        var registry = CliExtensions.CreateDeviceRegistry();
        var result = DeviceStateRoundTrip.Check(registry, Nemu.Hw.Tests.DeviceRealizeProperties.For, include: type => !StatelessByDesign.ContainsKey(type.Name));
        Assert.Empty(result.Failures);
        Assert.Empty(result.Stateless);
        var instantiable = registry.Types.Where(t => !t.IsAbstract).Select(t => t.Name).ToList();
        Assert.All(StatelessByDesign.Keys, name => Assert.Contains(name, instantiable));
        Assert.Equal(instantiable.Count, result.Checked.Count + StatelessByDesign.Count);
    }
}
