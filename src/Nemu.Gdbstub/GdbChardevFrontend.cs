// The gdbstub as a chardev frontend (QEMU gdb_chr_can_receive / gdb_chr_receive / gdb_chr_event; management.md §5.1).
// Input and events arrive on the main loop; replies go back through the chardev without blocking the loop for long.
using Nemu.Chardevs;

namespace Nemu.Gdbstub;

/// <summary>Connects a <see cref="GdbSession"/> to a chardev.</summary>
public sealed class GdbChardevFrontend : IChardevFrontend
{
    private readonly Chardev _chardev;

    public GdbChardevFrontend(Chardev chardev, Func<Action<ReadOnlyMemory<byte>>, GdbSession> createSession)
    {
        _chardev = chardev;
        Session = createSession(Write);
    }

    public GdbSession Session { get; }

    public int CanReceive() => GdbPacketReader.MaxPacketLength;

    public void Receive(ReadOnlySpan<byte> data) => Session.Receive(data);

    public void OnEvent(ChardevEvent chardevEvent)
    {
        switch (chardevEvent)
        {
            case ChardevEvent.Opened:
                Session.OnConnected();
                break;
            case ChardevEvent.Closed:
                Session.OnDisconnected();
                break;
        }
    }

    private void Write(ReadOnlyMemory<byte> data)
    {
        var bytes = data.Span;
        for (var attempts = 0; bytes.Length > 0 && attempts < 64; attempts++)
        {
            var written = _chardev.Write(bytes);
            bytes = bytes[Math.Max(written, 0)..];
        }
    }
}
