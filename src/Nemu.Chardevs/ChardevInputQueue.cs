// Input bytes a backend has read but its frontend has not taken yet. QEMU keeps them in the kernel
// (it reads only qemu_chr_be_can_write() bytes); we read a chunk at a time and park it here, so a
// hang-up can close the fd without losing what the peer sent first (management.md §6.2).
namespace Nemu.Chardevs;

/// <summary>A thread-safe byte FIFO whose storage is reused (it only grows when a hang-up drains a socket).</summary>
internal sealed class ChardevInputQueue
{
    private readonly Lock _gate = new();
    private byte[] _buffer = new byte[4096];
    private int _head;
    private int _tail;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _tail - _head;
            }
        }
    }

    public void Append(ReadOnlySpan<byte> data)
    {
        lock (_gate)
        {
            if (_buffer.Length - _tail < data.Length)
            {
                var count = _tail - _head;
                if (_buffer.Length < count + data.Length)
                {
                    var bigger = new byte[Math.Max(_buffer.Length * 2, count + data.Length)];
                    _buffer.AsSpan(_head, count).CopyTo(bigger);
                    _buffer = bigger;
                }
                else
                {
                    _buffer.AsSpan(_head, count).CopyTo(_buffer);
                }

                _head = 0;
                _tail = count;
            }

            data.CopyTo(_buffer.AsSpan(_tail));
            _tail += data.Length;
        }
    }

    /// <summary>Moves up to <paramref name="destination"/>.Length bytes out; returns the count.</summary>
    public int Take(Span<byte> destination)
    {
        lock (_gate)
        {
            var n = Math.Min(destination.Length, _tail - _head);
            _buffer.AsSpan(_head, n).CopyTo(destination);
            _head += n;
            if (_head == _tail)
            {
                _head = 0;
                _tail = 0;
            }

            return n;
        }
    }
}
