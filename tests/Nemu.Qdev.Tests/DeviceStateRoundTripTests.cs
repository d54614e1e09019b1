using Nemu.Core.State;
using Nemu.Qdev.Tests.TestDevices;

namespace Nemu.Qdev.Tests;

/// <summary>
/// The generic migration self-check over every registered type. Other test projects run the same
/// <see cref="DeviceStateRoundTrip.Check"/> over the full registry.
/// </summary>
public sealed class DeviceStateRoundTripTests
{
    private static IReadOnlyList<KeyValuePair<string, string>> RequiredProperties(DeviceType type) =>
        type.Name == "cmsdk-apb-uart" ? [new("pclk-frq", "25000000")] : [];

    [Fact]
    public void EveryRegisteredDeviceSavesLoadsAndSavesTheSameBytes()
    {
        var result = DeviceStateRoundTrip.Check(TestDeviceTypes.CreateRegistry(), RequiredProperties);
        Assert.Empty(result.Failures);
        Assert.Equal(["cmsdk-apb-uart", "test-i2c", "test-sensor"], result.Checked);
        Assert.Equal(["loader", "test-props"], result.Stateless);
    }

    [Fact]
    public void RealizeFailureIsReportedAsAFailure()
    {
        var result = DeviceStateRoundTrip.Check(TestDeviceTypes.CreateRegistry(), include: t => t.Name == "cmsdk-apb-uart");
        Assert.Equal(["cmsdk-apb-uart: QdevException: cmsdk-apb-uart: pclk-frq property must be set"], result.Failures);
    }

    [Fact]
    public void LossyStateDescriptionIsCaught()
    {
        var registry = DeviceTypeRegistry.Create(r => r.Register(Lossy.TypeInfo));
        var result = DeviceStateRoundTrip.Check(registry);
        Assert.Single(result.Failures);
        Assert.StartsWith("lossy: state saved after load differs", result.Failures[0]);
    }

    [Fact]
    public void UnresettableStateIsCaught()
    {
        var registry = DeviceTypeRegistry.Create(r => r.Register(Drifting.TypeInfo));
        var result = DeviceStateRoundTrip.Check(registry);
        Assert.Equal(["drifting: reset does not restore the freshly reset state (first difference at 3)"], result.Failures);
    }

    /// <summary>post_load drops a bit, so the reloaded state saves differently.</summary>
    private sealed class Lossy : Device
    {
        public static readonly StateDescription<Lossy> Vmsd =
            StateDescription<Lossy>.Builder("lossy", 1, 1).UInt32("v", d => ref d._value, reset: 3).PostLoad((d, _) => d._value &= 1).Build();

        public static readonly DeviceType TypeInfo = DeviceType.Define("lossy", () => new Lossy()).Build();

        private uint _value;

        public Lossy() => InitState(Vmsd, this);
    }

    /// <summary>The reset hook counts resets, so a second reset differs from the first.</summary>
    private sealed class Drifting : Device
    {
        public static readonly StateDescription<Drifting> Vmsd =
            StateDescription<Drifting>.Builder("drifting", 1, 1).UInt32("count", d => ref d._count).Build();

        public static readonly DeviceType TypeInfo = DeviceType.Define("drifting", () => new Drifting()).Build();

        private static uint _resets;
        private uint _count;

        public Drifting() => InitState(Vmsd, this);

        protected override void OnReset() => _count = ++_resets;
    }
}
