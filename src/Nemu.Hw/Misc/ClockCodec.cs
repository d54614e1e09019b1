// Implements: how a QEMU clock input (shown by `-device TYPE,help` as `NAME=<child<clock>>`) is configured
// from the command line here: Nemu has no QOM clock objects, so the property takes a frequency in Hz.
// Not modelled: clock paths; `info qtree` does not print the value (QEMU prints clocks on separate lines).
using Nemu.Core.Text;
using Nemu.Qdev;
using Nemu.Qdev.Properties;

namespace Nemu.Hw.Misc;

/// <summary>Parses a clock input's frequency; typed <c>child&lt;clock&gt;</c> so help reads as QEMU's.</summary>
public sealed class ClockCodec : PropertyCodec<ulong>
{
    private ClockCodec()
    {
    }

    public static ClockCodec Instance { get; } = new();

    public override string TypeName => "child<clock>";

    public override ParseOutcome Parse(string text, out ulong value) =>
        QemuStrtol.Strtou64(text, 0, out value) == QemuParseStatus.Ok ? ParseOutcome.Ok : ParseOutcome.Syntax;

    public override string Expects(ParseOutcome outcome, PropertySource source) =>
        source == PropertySource.Device ? "integer" : "uint64";

    public override string? Print(ulong value) => null;

    public override string? DefaultJson(ulong value) => null;

    /// <summary>A clock-input property named <paramref name="name"/> that sets <paramref name="clock"/>'s frequency.</summary>
    public static DeviceProperty Property<TDevice>(string name, Func<TDevice, DeviceClock> clock)
        where TDevice : Device =>
        new CodecProperty<TDevice, ulong>(
            name,
            null,
            Instance,
            d => clock(d).Hz,
            (d, hz) =>
            {
                if (hz != 0)
                {
                    clock(d).SetHz(hz);
                }
            },
            0,
            hasDefault: false);
}
