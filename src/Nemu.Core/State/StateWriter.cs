// Implements: management.md §4.3 primitive encoding (big-endian integers, bool as one byte, raw buffers).
using System.Buffers.Binary;

namespace Nemu.Core.State;

/// <summary>
/// Appends VMState-encoded values to a growing buffer. Integers are big-endian as in QEMU's
/// <c>qemu_put_be32</c> family, so a section body can later be embedded in a QEMU-like stream.
/// </summary>
public sealed class StateWriter
{
    private byte[] _buffer;
    private int _length;

    public StateWriter(int initialCapacity = 256)
    {
        _buffer = new byte[Math.Max(16, initialCapacity)];
    }

    /// <summary>Bytes written so far.</summary>
    public int Length => _length;

    /// <summary>The bytes written so far (a view, valid until the next write).</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    /// <summary>A copy of the bytes written so far.</summary>
    public byte[] ToArray() => _buffer.AsSpan(0, _length).ToArray();

    public void WriteUInt8(byte value) => Reserve(1)[0] = value;

    public void WriteUInt16(ushort value) => BinaryPrimitives.WriteUInt16BigEndian(Reserve(2), value);

    public void WriteUInt32(uint value) => BinaryPrimitives.WriteUInt32BigEndian(Reserve(4), value);

    public void WriteUInt64(ulong value) => BinaryPrimitives.WriteUInt64BigEndian(Reserve(8), value);

    public void WriteBytes(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Reserve(bytes.Length));

    /// <summary>Writes the low <paramref name="size"/> bytes (1, 2, 4 or 8) of <paramref name="value"/>.</summary>
    public void WriteSized(ulong value, int size)
    {
        switch (size)
        {
            case 1: WriteUInt8((byte)value); break;
            case 2: WriteUInt16((ushort)value); break;
            case 4: WriteUInt32((uint)value); break;
            default: WriteUInt64(value); break;
        }
    }

    private Span<byte> Reserve(int count)
    {
        if (_length + count > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + count));
        }

        var span = _buffer.AsSpan(_length, count);
        _length += count;
        return span;
    }
}
