// Implements: declaration of a register table, one line per register, validated (bounds, width, overlap).
using Nemu.Memory;

namespace Nemu.Qdev.Registers;

/// <summary>Declares the registers of a <see cref="RegisterTable{TOwner}"/>.</summary>
public sealed class RegisterTableBuilder<TOwner>
    where TOwner : class
{
    private readonly string _deviceName;
    private readonly ulong _size;
    private readonly List<RegisterDefinition<TOwner>> _registers = [];
    private AccessConstraints _constraints = new()
    {
        ValidMinAccessSize = 1,
        ValidMaxAccessSize = 4,
        ImplMinAccessSize = 1,
        ImplMaxAccessSize = 4,
    };

    private string? _badReadPrefix;
    private string? _badWritePrefix;

    internal RegisterTableBuilder(string deviceName, ulong size)
    {
        if (size == 0 || size > 1 << 20)
        {
            throw new ArgumentOutOfRangeException(nameof(size), "a register table decodes 1 byte to 1 MiB");
        }

        _deviceName = deviceName;
        _size = size;
    }

    /// <summary>Replaces the default constraints (1 to 4 byte accesses, handled here by byte lanes).</summary>
    public RegisterTableBuilder<TOwner> Constraints(AccessConstraints constraints)
    {
        _constraints = constraints;
        return this;
    }

    /// <summary>
    /// Replaces the "-d guest_errors" text of accesses that hit no register ("&lt;device&gt;: bad read offset 0x…" by
    /// default) for devices whose QEMU model words it differently (the NVIC: "NVIC: Bad read offset 0x…"). Reads of
    /// write-only registers are then reported as bad read offsets too, as such models do.
    /// </summary>
    public RegisterTableBuilder<TOwner> BadOffsetMessages(string readPrefix, string writePrefix)
    {
        _badReadPrefix = readPrefix;
        _badWritePrefix = writePrefix;
        return this;
    }

    /// <summary>Declares one register.</summary>
    /// <param name="offset">Byte offset in the region.</param>
    /// <param name="name">The manual's register name.</param>
    /// <param name="access">RW, RO, W1C or WO.</param>
    /// <param name="storage">The state field holding the value; null for hook-only or constant (reset value) registers.</param>
    /// <param name="reset">Reset value (also the constant read for storage-less registers without a read hook).</param>
    /// <param name="writeMask">Bits a write may change; defaults to all bits of the width.</param>
    /// <param name="width">1, 2 or 4 bytes.</param>
    /// <param name="read">Computes the read value.</param>
    /// <param name="write">Runs after a write is applied.</param>
    /// <param name="readHasSideEffects">Debugger peeks skip the read hook.</param>
    public RegisterTableBuilder<TOwner> Register(
        ulong offset,
        string name,
        RegisterAccess access,
        RegisterRef<TOwner>? storage = null,
        uint reset = 0,
        uint? writeMask = null,
        int width = 4,
        RegisterReadHook<TOwner>? read = null,
        RegisterWriteHook<TOwner>? write = null,
        bool readHasSideEffects = false)
    {
        if (width is not (1 or 2 or 4))
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"register {name}: width must be 1, 2 or 4");
        }

        if (offset + (ulong)width > _size || offset % (ulong)width != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), $"register {name} at 0x{offset:x} is outside the table or misaligned");
        }

        var widthMask = width == 4 ? uint.MaxValue : (1u << (width * 8)) - 1;
        foreach (var other in _registers)
        {
            if (offset < other.Offset + (ulong)other.Width && other.Offset < offset + (ulong)width)
            {
                throw new ArgumentException($"register {name} at 0x{offset:x} overlaps {other.Name} at 0x{other.Offset:x}", nameof(offset));
            }
        }

        _registers.Add(new RegisterDefinition<TOwner>(
            offset, name, width, access, reset & widthMask, (writeMask ?? uint.MaxValue) & widthMask, storage, read, write, readHasSideEffects));
        return this;
    }

    public RegisterTable<TOwner> Build() => new(_deviceName, _size, _constraints, [.. _registers])
    {
        BadReadPrefix = _badReadPrefix ?? _deviceName + ": bad read offset ",
        BadWritePrefix = _badWritePrefix ?? _deviceName + ": bad write offset ",
        WriteOnlyReadIsBadOffset = _badReadPrefix is not null,
    };
}
