// The migratable state of a Stellaris GPTM, QEMU's vmstate "stellaris_gptm" v2 (clk not migrated here).
namespace Nemu.Hw.Stellaris;

/// <summary>Plain-data state of <see cref="StellarisGptm"/>.</summary>
public sealed class StellarisGptmState
{
    public uint Config;
    public uint[] Mode = new uint[2];
    public uint Control;
    public uint State;
    public uint Mask;
    public byte[] Unused = new byte[8];
    public uint[] Load = new uint[2];
    public uint[] Match = new uint[2];
    public uint[] Prescale = new uint[2];
    public uint[] MatchPrescale = new uint[2];
    public uint Rtc;
    public ulong[] Tick = new ulong[2];
    public long[] TimerExpire = [-1, -1];

    /// <summary>The device's post-load hook (re-arms its timers); not migrated.</summary>
    public Action? Loaded { get; set; }
}
