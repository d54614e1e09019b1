// Implements: management.md §4.3 primitive decoding; truncation is a StateLoadException, never another exception.
using System.Buffers.Binary;

namespace Nemu.Core.State;

/// <summary>
/// Reads VMState-encoded values (big-endian) from a byte buffer with a cursor. Running past the end
/// throws <see cref="StateLoadException"/>, so corrupt input cannot surface as an index error.
/// </summary>
public sealed class StateReader
{
    private readonly ReadOnlyMemory<byte> _data;

    public StateReader(ReadOnlyMemory<byte> data)
    {
        _data = data;
    }

    /// <summary>Offset of the next byte to read.</summary>
    public int Position { get; private set; }

    /// <summary>Bytes left.</summary>
    public int Remaining => _data.Length - Position;

    /// <summary>The next byte without consuming it, or -1 at the end.</summary>
    public int PeekByte() => Remaining > 0 ? _data.Span[Position] : -1;

    public byte ReadUInt8() => Take(1)[0];

    public ushort ReadUInt16() => BinaryPrimitives.ReadUInt16BigEndian(Take(2));

    public uint ReadUInt32() => BinaryPrimitives.ReadUInt32BigEndian(Take(4));

    public ulong ReadUInt64() => BinaryPrimitives.ReadUInt64BigEndian(Take(8));

    /// <summary>Copies the next <paramref name="destination"/>.Length bytes.</summary>
    public void ReadBytes(Span<byte> destination) => Take(destination.Length).CopyTo(destination);

    /// <summary>Reads a big-endian value of <paramref name="size"/> bytes (1, 2, 4 or 8).</summary>
    public ulong ReadSized(int size) => size switch
    {
        1 => ReadUInt8(),
        2 => ReadUInt16(),
        4 => ReadUInt32(),
        _ => ReadUInt64(),
    };

    /// <summary>Moves the cursor back to <paramref name="position"/> (used to un-read a parent's subsection header).</summary>
    internal void Seek(int position) => Position = position;

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > Remaining)
        {
            throw new StateLoadException($"truncated input: needed {count} byte(s) at offset {Position}, {Remaining} left");
        }

        var span = _data.Span.Slice(Position, count);
        Position += count;
        return span;
    }
}
