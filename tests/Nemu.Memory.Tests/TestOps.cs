// Test doubles for IMemoryRegionOps: records every callback and returns a value derived from the offset.
using Nemu.Core;

namespace Nemu.Memory.Tests;

/// <summary>Ops that log "R off size" / "W off value size" and read back (Base + offset) truncated to size.</summary>
internal sealed class TestOps(AccessConstraints? constraints = null) : IMemoryRegionOps
{
    public AccessConstraints Constraints { get; } = constraints ?? AccessConstraints.Default;

    public List<string> Calls { get; } = [];

    public ulong Base { get; set; } = 0x11223344_55667788;

    public Func<ulong, MemTxResult>? OnRead { get; set; }

    public MemTxResult Read(ulong offset, uint size, MemTxAttrs attrs, out ulong value)
    {
        Calls.Add($"R {offset:x} {size}");
        value = size == 8 ? Base + offset : (Base + offset) & ((1UL << (int)(size * 8)) - 1);
        return OnRead?.Invoke(offset) ?? MemTxResult.Ok;
    }

    public MemTxResult Write(ulong offset, ulong value, uint size, MemTxAttrs attrs)
    {
        Calls.Add($"W {offset:x} {value:x} {size}");
        return MemTxResult.Ok;
    }
}

/// <summary>Ops that do nothing and allocate nothing (for the allocation and golden tests).</summary>
internal sealed class NullOps : IMemoryRegionOps
{
    public static NullOps Instance { get; } = new();

    public AccessConstraints Constraints { get; } = AccessConstraints.Default;

    public ulong LastWrite { get; private set; }

    public MemTxResult Read(ulong offset, uint size, MemTxAttrs attrs, out ulong value)
    {
        value = offset;
        return MemTxResult.Ok;
    }

    public MemTxResult Write(ulong offset, ulong value, uint size, MemTxAttrs attrs)
    {
        LastWrite = value;
        return MemTxResult.Ok;
    }
}

/// <summary>Records listener callbacks as text lines, prefixed with the listener's tag.</summary>
internal sealed class RecordingListener(List<string> log, string tag, int priority = 0) : MemoryListener(priority)
{
    public override void Begin() => log.Add($"{tag} begin");

    public override void Commit() => log.Add($"{tag} commit");

    public override void RegionAdd(in MemoryRegionSection s) => log.Add($"{tag} add {Describe(s)}");

    public override void RegionDel(in MemoryRegionSection s) => log.Add($"{tag} del {Describe(s)}");

    public override void RegionNop(in MemoryRegionSection s) => log.Add($"{tag} nop {Describe(s)}");

    public override void LogStart(in MemoryRegionSection s, int oldMask, int newMask) => log.Add($"{tag} log_start {Describe(s)} {oldMask}->{newMask}");

    public override void LogStop(in MemoryRegionSection s, int oldMask, int newMask) => log.Add($"{tag} log_stop {Describe(s)} {oldMask}->{newMask}");

    private static string Describe(in MemoryRegionSection s) =>
        $"{s.Region.Name}@{s.OffsetWithinAddressSpace:x}+{(ulong)s.Size:x}{(s.ReadOnly ? " ro" : string.Empty)}";
}

/// <summary>Helpers to describe FlatViews compactly.</summary>
internal static class Flat
{
    /// <summary>"name[start-last]@off" per range, joined by spaces.</summary>
    public static string Describe(AddressSpace space)
    {
        var parts = new List<string>();
        foreach (var s in space.GetSections())
        {
            var last = s.OffsetWithinAddressSpace + (ulong)(s.Size - 1);
            parts.Add($"{s.Region.Name}[{s.OffsetWithinAddressSpace:x}-{last:x}]@{s.OffsetWithinRegion:x}{(s.ReadOnly ? "ro" : string.Empty)}");
        }

        return string.Join(' ', parts);
    }
}
