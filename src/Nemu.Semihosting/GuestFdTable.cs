// Implements: QEMU semihosting/guestfd.c for the Arm-compatible layer: the table starts empty (the console has
// its own namespace), alloc_guestfd returns the lowest unused slot from 1 up (SYS_OPEN never returns 0) and grows
// the table without limit; closed slots are reused.
namespace Nemu.Semihosting;

/// <summary>The guest's file descriptor numbers and what each refers to.</summary>
public sealed class GuestFdTable
{
    private readonly List<GuestFd?> _slots = [null];

    /// <summary>Stores <paramref name="fd"/> in the lowest free slot (1 or more) and returns its number.</summary>
    public int Allocate(GuestFd fd)
    {
        ArgumentNullException.ThrowIfNull(fd);
        for (var i = 1; i < _slots.Count; i++)
        {
            if (_slots[i] is null)
            {
                _slots[i] = fd;
                return i;
            }
        }

        _slots.Add(fd);
        return _slots.Count - 1;
    }

    /// <summary>The entry for guest fd <paramref name="number"/>, or null if it is not open (get_guestfd).</summary>
    public GuestFd? Get(uint number) => number < (uint)_slots.Count ? _slots[(int)number] : null;

    /// <summary>Frees slot <paramref name="number"/> (dealloc_guestfd); does not close anything.</summary>
    public void Release(uint number)
    {
        if (number < (uint)_slots.Count)
        {
            _slots[(int)number] = null;
        }
    }

    /// <summary>Every open entry (for closing host files at teardown).</summary>
    public IEnumerable<GuestFd> Open => _slots.OfType<GuestFd>();
}
