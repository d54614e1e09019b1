// Implements: MMIO dispatch over a register table for one device instance (QEMU MemoryRegionOps read/write):
// accesses are split into byte lanes per register (sub-word and multi-register accesses), unknown offsets
// log "<device>: bad read offset 0x…" / "bad write offset" under -d guest_errors and read as 0 / are
// ignored; RO writes and WO reads are logged too. Nothing here allocates unless a log line is enabled,
// and guest accesses never throw.
using Nemu.Core;
using Nemu.Core.Logging;
using Nemu.Memory;

namespace Nemu.Qdev.Registers;

/// <summary>The <see cref="IMemoryRegionOps"/> of one device instance, made by <see cref="RegisterTable{TOwner}.Bind"/>.</summary>
public sealed class RegisterBlock<TOwner> : IMemoryRegionOps
    where TOwner : class
{
    private readonly RegisterTable<TOwner> _table;
    private readonly TOwner _owner;

    internal RegisterBlock(RegisterTable<TOwner> table, TOwner owner)
    {
        _table = table;
        _owner = owner;
    }

    public AccessConstraints Constraints => _table.Constraints;

    public RegisterTable<TOwner> Table => _table;

    public MemTxResult Read(ulong offset, uint size, MemTxAttrs attrs, out ulong value)
    {
        value = Access(offset, size, 0, isWrite: false, peek: false);
        return MemTxResult.Ok;
    }

    public MemTxResult Write(ulong offset, ulong value, uint size, MemTxAttrs attrs)
    {
        Access(offset, size, value, isWrite: true, peek: false);
        return MemTxResult.Ok;
    }

    /// <summary>A side-effect-free read for debuggers and the monitor: no side-effecting hooks, no logging.</summary>
    public ulong Peek(ulong offset, uint size) => Access(offset, size, 0, isWrite: false, peek: true);

    private ulong Access(ulong offset, uint size, ulong value, bool isWrite, bool peek)
    {
        var end = offset + size;
        if (size is 0 or > 8 || end > _table.Size || end < offset)
        {
            LogBadOffset(offset, isWrite, peek);
            return 0;
        }

        ulong result = 0;
        var bad = false;
        var pos = offset;
        while (pos < end)
        {
            var index = _table.IndexAt(pos);
            if (index < 0)
            {
                bad = true;
                pos++;
                continue;
            }

            var reg = _table.At(index);
            var chunkEnd = Math.Min(reg.Offset + (ulong)reg.Width, end);
            var shift = (int)(pos - reg.Offset) * 8;
            var bytes = (int)(chunkEnd - pos);
            var laneMask = (bytes == 4 ? uint.MaxValue : (1u << (bytes * 8)) - 1) << shift;
            var accessShift = (int)(pos - offset) * 8;
            if (isWrite)
            {
                WriteRegister(reg, (uint)(value >> accessShift) << shift, laneMask);
            }
            else
            {
                result |= (ulong)((ReadRegister(reg, peek) & laneMask) >> shift) << accessShift;
            }

            pos = chunkEnd;
        }

        if (bad)
        {
            LogBadOffset(offset, isWrite, peek);
        }

        return result;
    }

    private uint ReadRegister(RegisterDefinition<TOwner> reg, bool peek)
    {
        if (reg.Access == RegisterAccess.WriteOnly)
        {
            if (!peek && Log.IsEnabled(LogItem.GuestErrors))
            {
                Log.Write(LogItem.GuestErrors, _table.WriteOnlyReadIsBadOffset
                    ? $"{_table.BadReadPrefix}0x{reg.Offset:x}"
                    : $"{_table.DeviceName}: read of write-only register {reg.Name} (offset 0x{reg.Offset:x})");
            }

            return 0;
        }

        var stored = reg.Storage is not null ? reg.Storage(_owner) : reg.Reset;
        if (reg.ReadHook is not null && !(peek && reg.ReadHasSideEffects))
        {
            return reg.ReadHook(_owner, stored);
        }

        return stored;
    }

    private void WriteRegister(RegisterDefinition<TOwner> reg, uint value, uint laneMask)
    {
        if (reg.Access == RegisterAccess.ReadOnly)
        {
            if (Log.IsEnabled(LogItem.GuestErrors))
            {
                Log.Write(LogItem.GuestErrors, $"{_table.DeviceName}: write to read-only register {reg.Name} (offset 0x{reg.Offset:x})");
            }

            return;
        }

        var mask = reg.WriteMask & laneMask;
        if (reg.Storage is null)
        {
            reg.WriteHook?.Invoke(_owner, value & mask, 0);
            return;
        }

        ref var stored = ref reg.Storage(_owner);
        var previous = stored;
        stored = reg.Access == RegisterAccess.WriteOneToClear
            ? previous & ~(value & mask)
            : (previous & ~mask) | (value & mask);
        reg.WriteHook?.Invoke(_owner, stored, previous);
    }

    private void LogBadOffset(ulong offset, bool isWrite, bool peek)
    {
        if (!peek && Log.IsEnabled(LogItem.GuestErrors))
        {
            Log.Write(LogItem.GuestErrors, $"{(isWrite ? _table.BadWritePrefix : _table.BadReadPrefix)}0x{offset:x}");
        }
    }
}
