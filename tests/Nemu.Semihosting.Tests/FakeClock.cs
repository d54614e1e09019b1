// A hand-moved virtual clock for SYS_ELAPSED and SYS_CLOCK tests.
using Nemu.Core.Time;

namespace Nemu.Semihosting.Tests;

internal sealed class FakeClock : IClock
{
    public ClockType Type => ClockType.Virtual;

    public long NowNs { get; set; }

    public bool IsEnabled => true;
}
