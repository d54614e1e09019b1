// QEMU's memory_region_dispatch_read/write (pci.md §1.4): alias resolution, memory_region_access_valid with its
// exact log text, access_with_adjusted_size (split to impl.max, widen to impl.min at the same address, piece
// shifts reversed for big-endian devices), adjust_endianness, and the per-owner re-entrancy guard.
// Not modelled: ioeventfd matching, unaligned emulation (QEMU does not do it either).
using System.Buffers.Binary;
using Nemu.Core;
using Nemu.Core.Logging;

namespace Nemu.Memory;

/// <summary>MMIO dispatch into one region's ops.</summary>
internal static class MemoryRegionAccess
{
    private const LogItem InvalidAccessLog = LogItem.GuestErrors | LogItem.InvalidMem;

    public static MemTxResult DispatchRead(MemoryRegion mr, ulong addr, uint size, MemTxAttrs attrs, out ulong value)
    {
        while (mr.Alias is { } target)
        {
            addr += mr.AliasOffset;
            mr = target;
        }

        if (!AccessValid(mr, addr, size, isWrite: false, attrs))
        {
            value = 0;
            return MemTxResult.DecodeError;
        }

        ulong v = 0;
        var r = AccessWithAdjustedSize(mr, addr, ref v, size, isWrite: false, attrs);
        // A widened access returns more than was asked for; the caller keeps only the low bytes.
        value = AdjustEndianness(mr, v, size) & (size >= 8 ? ulong.MaxValue : (1UL << (int)(size * 8)) - 1);
        return r;
    }

    public static MemTxResult DispatchWrite(MemoryRegion mr, ulong addr, ulong value, uint size, MemTxAttrs attrs)
    {
        while (mr.Alias is { } target)
        {
            addr += mr.AliasOffset;
            mr = target;
        }

        if (!AccessValid(mr, addr, size, isWrite: true, attrs))
        {
            return MemTxResult.DecodeError;
        }

        var v = AdjustEndianness(mr, value, size);
        return AccessWithAdjustedSize(mr, addr, ref v, size, isWrite: true, attrs);
    }

    /// <summary>Logs an access to an address no region decodes (QEMU's io_mem_unassigned, which has no name).</summary>
    public static void LogUnassigned(ulong addr, uint size, bool isWrite)
    {
        if (Log.IsEnabled(InvalidAccessLog))
        {
            Log.Write(InvalidAccessLog, $"Invalid {(isWrite ? "write" : "read")} at addr 0x{addr:X}, size {size}, region '(null)', reason: rejected");
        }
    }

    /// <summary>memory_access_size: the chunk a buffer access may use at <paramref name="addr"/> of <paramref name="c"/>.</summary>
    public static uint AccessSizeFor(AccessConstraints c, ulong remaining, ulong addr)
    {
        ulong max = c.ValidMaxAccessSize == 0 ? 4 : c.ValidMaxAccessSize;
        if (!c.ImplUnaligned)
        {
            var alignMax = addr & (0 - addr);
            if (alignMax != 0 && alignMax < max)
            {
                max = alignMax;
            }
        }

        var l = Math.Min(remaining, max);
        return (uint)(1UL << (63 - System.Numerics.BitOperations.LeadingZeroCount(l)));
    }

    private static bool AccessValid(MemoryRegion mr, ulong addr, uint size, bool isWrite, MemTxAttrs attrs)
    {
        var c = mr.Constraints;

        // Regions without ops use QEMU's unassigned_mem_ops, whose accepts() refuses everything.
        var accepted = mr.Ops is not null && (c.Accepts is null || c.Accepts(addr, size, isWrite, attrs));
        if (!accepted)
        {
            LogInvalid(mr, addr, size, isWrite, "rejected");
            return false;
        }

        if (!c.ValidUnaligned && (addr & (size - 1)) != 0)
        {
            LogInvalid(mr, addr, size, isWrite, "unaligned");
            return false;
        }

        if (c.ValidMaxAccessSize == 0)
        {
            return true;
        }

        if (size > c.ValidMaxAccessSize || size < c.ValidMinAccessSize)
        {
            LogInvalid(mr, addr, size, isWrite, $"invalid size (min:{c.ValidMinAccessSize} max:{c.ValidMaxAccessSize})");
            return false;
        }

        return true;
    }

    private static void LogInvalid(MemoryRegion mr, ulong addr, uint size, bool isWrite, string reason)
    {
        if (Log.IsEnabled(InvalidAccessLog))
        {
            Log.Write(InvalidAccessLog, $"Invalid {(isWrite ? "write" : "read")} at addr 0x{addr:X}, size {size}, region '{mr.Name}', reason: {reason}");
        }
    }

    private static MemTxResult AccessWithAdjustedSize(MemoryRegion mr, ulong addr, ref ulong value, uint size, bool isWrite, MemTxAttrs attrs)
    {
        var c = mr.Constraints;
        var ops = mr.Ops!;
        var guard = mr.Guard;
        var guarded = false;
        if (guard is not null && !mr.DisableReentrancyGuard && !mr.IsRam && !mr.IsRomDevice && !mr.ReadOnly)
        {
            if (guard.EngagedInIo)
            {
                WarnReentrancy(mr, addr);
                return MemTxResult.AccessError;
            }

            guard.EngagedInIo = true;
            guarded = true;
        }

        try
        {
            var min = c.ImplMinAccessSize == 0 ? 1u : c.ImplMinAccessSize;
            var max = c.ImplMaxAccessSize == 0 ? 4u : c.ImplMaxAccessSize;
            var accessSize = Math.Max(Math.Min(size, max), min);
            var mask = accessSize >= 8 ? ulong.MaxValue : (1UL << (int)(accessSize * 8)) - 1;
            var bigEndian = c.Endianness == DeviceEndianness.Big;
            var result = MemTxResult.Ok;
            for (uint i = 0; i < size; i += accessSize)
            {
                var shift = bigEndian ? ((int)size - (int)accessSize - (int)i) * 8 : (int)i * 8;
                MemTxResult r;
                if (isWrite)
                {
                    var piece = (shift >= 0 ? value >> shift : value << -shift) & mask;
                    r = ops.Write(addr + i, piece, accessSize, attrs);
                }
                else
                {
                    r = ops.Read(addr + i, accessSize, attrs, out var piece);
                    piece &= mask;
                    value |= shift >= 0 ? piece << shift : piece >> -shift;
                }

                if (result == MemTxResult.Ok)
                {
                    result = r;
                }
            }

            return result;
        }
        finally
        {
            if (guarded)
            {
                guard!.EngagedInIo = false;
            }
        }
    }

    private static void WarnReentrancy(MemoryRegion mr, ulong addr)
    {
        if (mr.System is { } system && system.TakeReentrancyWarning())
        {
            system.Warn($"Blocked re-entrant IO on MemoryRegion: {mr.Name} at addr: 0x{addr:X}");
        }
    }

    // The CPU's view is little-endian; big-endian devices see (and return) byte-swapped data.
    private static ulong AdjustEndianness(MemoryRegion mr, ulong value, uint size)
    {
        if (mr.Constraints.Endianness != DeviceEndianness.Big)
        {
            return value;
        }

        return size switch
        {
            2 => BinaryPrimitives.ReverseEndianness((ushort)value),
            4 => BinaryPrimitives.ReverseEndianness((uint)value),
            8 => BinaryPrimitives.ReverseEndianness(value),
            _ => value,
        };
    }
}
