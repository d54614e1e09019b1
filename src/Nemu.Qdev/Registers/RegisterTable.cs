// Implements: a device's register map declared as data (STYLE.md: QEMU REG32/FIELD, Renode register DSL):
// rows of RegisterDefinition checked for overlap at build time, and a byte-offset -> register index
// lookup array so MMIO dispatch is one array load, with no allocation.
using Nemu.Memory;

namespace Nemu.Qdev.Registers;

/// <summary>
/// The register map of one device model, shared by all its instances (keep it in a static field). Bind it to
/// an instance with <see cref="Bind"/> to get the <see cref="IMemoryRegionOps"/> for its I/O region.
/// </summary>
public sealed class RegisterTable<TOwner>
    where TOwner : class
{
    private readonly RegisterDefinition<TOwner>[] _registers;
    private readonly short[] _indexByByte;

    internal RegisterTable(string deviceName, ulong size, AccessConstraints constraints, RegisterDefinition<TOwner>[] registers)
    {
        DeviceName = deviceName;
        Size = size;
        Constraints = constraints;
        _registers = registers;
        _indexByByte = new short[size];
        Array.Fill(_indexByByte, (short)-1);
        for (var i = 0; i < registers.Length; i++)
        {
            var reg = registers[i];
            for (var b = 0; b < reg.Width; b++)
            {
                _indexByByte[reg.Offset + (ulong)b] = (short)i;
            }
        }
    }

    /// <summary>The name guest-error messages start with (QEMU devices log "&lt;device&gt;: bad read offset 0x…").</summary>
    public string DeviceName { get; }

    /// <summary>Start of the guest-error line for a read that hits no register (the offset follows as 0x…).</summary>
    public string BadReadPrefix { get; init; } = string.Empty;

    /// <summary>Start of the guest-error line for a write that hits no register.</summary>
    public string BadWritePrefix { get; init; } = string.Empty;

    /// <summary>A read of a write-only register is logged as a bad read offset (QEMU's NVIC) instead of by name.</summary>
    public bool WriteOnlyReadIsBadOffset { get; init; }

    /// <summary>Bytes of address space the table decodes (the I/O region size).</summary>
    public ulong Size { get; }

    /// <summary>The access sizes the region accepts.</summary>
    public AccessConstraints Constraints { get; }

    public IReadOnlyList<RegisterDefinition<TOwner>> Registers => _registers;

    /// <summary>Starts a table for <paramref name="deviceName"/> decoding <paramref name="size"/> bytes.</summary>
    public static RegisterTableBuilder<TOwner> Builder(string deviceName, ulong size) => new(deviceName, size);

    /// <summary>The MMIO callbacks of one device instance.</summary>
    public RegisterBlock<TOwner> Bind(TOwner owner) => new(this, owner);

    /// <summary>Writes every stored register's reset value into <paramref name="owner"/>'s state.</summary>
    public void Reset(TOwner owner)
    {
        foreach (var reg in _registers)
        {
            if (reg.Storage is not null)
            {
                reg.Storage(owner) = reg.Reset;
            }
        }
    }

    /// <summary>The register covering byte <paramref name="offset"/>, or null.</summary>
    public RegisterDefinition<TOwner>? Find(ulong offset) => offset < Size && _indexByByte[offset] >= 0 ? _registers[_indexByByte[offset]] : null;

    internal int IndexAt(ulong offset) => _indexByByte[offset];

    internal RegisterDefinition<TOwner> At(int index) => _registers[index];
}
