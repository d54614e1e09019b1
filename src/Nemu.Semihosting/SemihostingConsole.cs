// Implements: management.md §7.2 "Console destination (native)" after QEMU semihosting/console.c: with
// chardev=ID output goes to that chardev (qemu_chr_write_all) and input arrives through a 1024-byte FIFO that
// the chardev fills as fast as it has room; without it, output goes to the host's stderr.
// Deviation: without chardev=, QEMU 7.2 never delivers console input (SYS_READC waits forever [7.2 observed]);
// Nemu reads the byte from the host's stdin instead (blocking, like SYS_READ on ":tt"), and returns -1 at EOF.
using Nemu.Chardevs;

namespace Nemu.Semihosting;

/// <summary>The semihosting debug console: SYS_WRITEC/SYS_WRITE0 output and SYS_READC input.</summary>
public sealed class SemihostingConsole : IChardevFrontend
{
    /// <summary>QEMU's FIFO_SIZE for console input.</summary>
    public const int FifoSize = 1024;

    private readonly Chardev? _chardev;
    private readonly SemihostingStdio _stdio;
    private readonly Queue<byte> _fifo = new(FifoSize);

    public SemihostingConsole(Chardev? chardev, SemihostingStdio stdio)
    {
        ArgumentNullException.ThrowIfNull(stdio);
        _chardev = chardev;
        _stdio = stdio;
        _chardev?.Attach(this);
    }

    /// <summary>Raised on the main loop when input arrives in the FIFO (wakes a CPU waiting in SYS_READC).</summary>
    public event Action? InputAvailable;

    /// <summary>True when input comes from a chardev FIFO (SYS_READC may then have to wait).</summary>
    public bool HasChardev => _chardev is not null;

    /// <summary>Writes console output; returns the bytes written.</summary>
    public int Write(ReadOnlySpan<byte> data)
    {
        if (_chardev is null)
        {
            _stdio.Error.Write(data);
            _stdio.Error.Flush();
            return data.Length;
        }

        // qemu_chr_write_all: keep writing until the backend took everything or stops taking bytes.
        var done = 0;
        while (done < data.Length)
        {
            var n = _chardev.Write(data[done..]);
            if (n <= 0)
            {
                break;
            }

            done += n;
        }

        return done;
    }

    /// <summary>
    /// One input byte: from the FIFO (false when it is empty: the caller waits for <see cref="InputAvailable"/>),
    /// or, without a chardev, read from the host stdin (-1 at end of input).
    /// </summary>
    public bool TryRead(out int value)
    {
        if (_chardev is not null)
        {
            if (_fifo.Count == 0)
            {
                value = 0;
                return false;
            }

            value = _fifo.Dequeue();
            _chardev.AcceptInput();
            return true;
        }

        value = _stdio.Input.ReadByte();
        return true;
    }

    int IChardevFrontend.CanReceive() => FifoSize - _fifo.Count;

    void IChardevFrontend.Receive(ReadOnlySpan<byte> data)
    {
        foreach (var b in data)
        {
            if (_fifo.Count == FifoSize)
            {
                break;
            }

            _fifo.Enqueue(b);
        }

        InputAvailable?.Invoke();
    }

    void IChardevFrontend.OnEvent(ChardevEvent chardevEvent)
    {
    }
}
