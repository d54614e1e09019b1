// Implements: management.md §1.2 (-icount); QEMU 7.2 softmmu/icount.c icount_configure and
// replay/replay.c replay_configure (rr=record|replay needs rrfile). MAX_ICOUNT_SHIFT is 10.
using Nemu.Core.Text;
using Nemu.Options.Syntax;

namespace Nemu.Options.Values;

/// <summary>The <c>-icount</c> settings: 1 instruction = 2^<see cref="Shift"/> ns, or adaptive when <see cref="Auto"/>.</summary>
public sealed record IcountOptions(int? Shift, bool Auto, bool Align, bool Sleep, string? RecordReplay, string? RrFile, string? RrSnapshot)
{
    /// <summary>QEMU's MAX_ICOUNT_SHIFT.</summary>
    public const int MaxShift = 10;

    /// <summary>True when icount is enabled (a shift or auto was given).</summary>
    public bool Enabled => Shift is not null || Auto;

    /// <summary>Parses an <c>-icount</c> argument; throws <see cref="OptionsException"/> with QEMU's wording.</summary>
    public static IcountOptions Parse(string text) => FromOptions(OptsParser.Parse(text, OptionGroups.Icount));

    /// <summary>Interprets parsed options (last value of each key wins).</summary>
    public static IcountOptions FromOptions(ParsedOptions opts)
    {
        var shiftText = opts.Get("shift");
        var sleep = opts.GetBool("sleep", true);
        var align = opts.GetBool("align", false);
        if (shiftText is null)
        {
            if (opts.Has("align"))
            {
                throw new OptionsException("Please specify shift option when using align");
            }

            return new IcountOptions(null, false, false, sleep, null, null, null);
        }

        if (align && !sleep)
        {
            throw new OptionsException("align=on and sleep=off are incompatible");
        }

        int? shift = null;
        var auto = shiftText == "auto";
        if (!auto)
        {
            // qemu_strtol base 0, then 0..MAX_ICOUNT_SHIFT.
            if (QemuStrtol.Strtoi64(shiftText, 0, out var v) != QemuParseStatus.Ok || v < 0 || v > MaxShift)
            {
                throw new OptionsException("icount: Invalid shift value");
            }

            shift = (int)v;
        }

        var rr = opts.Get("rr");
        if (rr is not null && rr != "record" && rr != "replay")
        {
            throw new OptionsException($"Invalid icount rr option: {rr}");
        }

        var rrFile = opts.Get("rrfile");
        if (rr is not null && rrFile is null)
        {
            throw new OptionsException("File name not specified for replay");
        }

        return new IcountOptions(shift, auto, align, sleep, rr, rrFile, opts.Get("rrsnapshot"));
    }
}
