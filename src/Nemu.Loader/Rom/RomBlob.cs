// Implements: QEMU's struct Rom (hw/core/loader.c) for fixed-address blobs: name, addr, romsize and the
// datasize bytes; the tail up to romsize is zero (address_space_set in rom_reset).
using Nemu.Core;

namespace Nemu.Loader.Rom;

/// <summary>
/// Bytes to install at <see cref="Address"/> on every reset. <see cref="Size"/> (QEMU's romsize, e.g. p_memsz) may
/// exceed <see cref="Data"/> (datasize, e.g. p_filesz): the rest is zero-filled without being stored.
/// </summary>
public sealed record RomBlob
{
    public RomBlob(string name, GuestAddress address, ReadOnlyMemory<byte> data, ulong size, string? source)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (size < (ulong)data.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(size), "a ROM blob's size cannot be smaller than its data");
        }

        Name = name;
        Address = address;
        Data = data;
        Size = size;
        Source = source;
    }

    /// <summary>QEMU's rom name, e.g. <c>fw.elf ELF program header segment 0</c> or the raw file name.</summary>
    public string Name { get; }

    public GuestAddress Address { get; }

    /// <summary>The stored bytes (datasize).</summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <summary>Total bytes covered (romsize).</summary>
    public ulong Size { get; }

    /// <summary>The file the blob came from, or null.</summary>
    public string? Source { get; }

    /// <summary>One past the last covered address, saturated at 2^64 - 1.</summary>
    public ulong End => Size > ulong.MaxValue - Address.Value ? ulong.MaxValue : Address.Value + Size;
}
