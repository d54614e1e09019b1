// Chardev events delivered to a frontend (QEMU's QEMUChrEvent, include/chardev/char.h).
// CHR_EVENT_BREAK, CHR_EVENT_OPENED, CHR_EVENT_MUX_IN, CHR_EVENT_MUX_OUT and CHR_EVENT_CLOSED are
// modelled; QEMU has no other members.
namespace Nemu.Chardevs;

/// <summary>An event a backend (or a mux) sends to its frontend, on the main loop.</summary>
public enum ChardevEvent
{
    /// <summary>The backend is connected (a client connected, a file opened): CHR_EVENT_OPENED.</summary>
    Opened,

    /// <summary>The connection is gone (client hang-up, end of input): CHR_EVENT_CLOSED.</summary>
    Closed,

    /// <summary>A serial break (telnet IAC BREAK, mux <c>C-a b</c>): CHR_EVENT_BREAK.</summary>
    Break,

    /// <summary>A mux gave this frontend the input focus: CHR_EVENT_MUX_IN.</summary>
    MuxIn,

    /// <summary>A mux took the input focus away from this frontend: CHR_EVENT_MUX_OUT.</summary>
    MuxOut,
}
