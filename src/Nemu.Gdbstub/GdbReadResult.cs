// What one input byte completed (gdb_read_byte's outcomes; management.md §5.1).
namespace Nemu.Gdbstub;

/// <summary>The outcome of feeding a byte to <see cref="GdbPacketReader"/>.</summary>
public enum GdbReadResult
{
    /// <summary>Nothing complete yet, or the byte was ignored.</summary>
    None,

    /// <summary>A packet with a good checksum: acknowledge with `+` and handle it.</summary>
    Packet,

    /// <summary>A packet with a wrong checksum: answer `-` and drop it.</summary>
    BadChecksum,
}
