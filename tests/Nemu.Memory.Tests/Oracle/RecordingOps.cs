// Test double for pci.md §1.4 dispatch checks: every callback is appended to a log shared by all regions of
// one fuzz case, so a check can tell exactly which region (and offset) an access reached.
using Nemu.Core;

namespace Nemu.Memory.Tests.Oracle;

/// <summary>One callback seen by a <see cref="RecordingOps"/>.</summary>
internal readonly record struct OpsCall(RecordingOps Ops, bool IsWrite, ulong Offset, uint Size, ulong Value);

/// <summary>Ops with default constraints that log each call and read back a value derived from id and offset.</summary>
internal sealed class RecordingOps(int id, List<OpsCall> log) : IMemoryRegionOps
{
    public AccessConstraints Constraints => AccessConstraints.Default;

    public int Id { get; } = id;

    /// <summary>The byte a 1-byte read at <paramref name="offset"/> returns.</summary>
    public byte ValueAt(ulong offset) => (byte)((ulong)(Id * 0x3b) + (offset * 0x0d) + 0x51);

    public MemTxResult Read(ulong offset, uint size, MemTxAttrs attrs, out ulong value)
    {
        log.Add(new OpsCall(this, false, offset, size, 0));
        value = 0;
        for (var i = 0u; i < size; i++)
        {
            value |= (ulong)ValueAt(offset + i) << (int)(8 * i);
        }

        return MemTxResult.Ok;
    }

    public MemTxResult Write(ulong offset, ulong value, uint size, MemTxAttrs attrs)
    {
        log.Add(new OpsCall(this, true, offset, size, value));
        return MemTxResult.Ok;
    }
}
