// The options of the socket backend (QEMU's ChardevSocket, qapi/char.json; management.md §6.1).
// Not modelled: fd=, to=, ipv4/ipv6=, websocket=, tn3270=, tls-creds=, abstract/tight unix sockets.
namespace Nemu.Chardevs.Socket;

/// <summary>A validated socket chardev configuration: TCP (<see cref="Host"/>/<see cref="Port"/>) or unix (<see cref="Path"/>).</summary>
public sealed record SocketChardevOptions
{
    /// <summary>The unix socket path; null for TCP.</summary>
    public string? Path { get; init; }

    /// <summary>The TCP host as given (empty: any address for a server).</summary>
    public string Host { get; init; } = "";

    /// <summary>The TCP port as given (a number; 0 picks a free port).</summary>
    public string Port { get; init; } = "";

    /// <summary><c>server=on</c>: listen and accept one client at a time.</summary>
    public bool Server { get; init; }

    /// <summary><c>wait=on</c> (servers): startup blocks until the first client connects.</summary>
    public bool Wait { get; init; }

    /// <summary><c>telnet=on</c>: send the telnet negotiation on connect and strip IAC sequences from input.</summary>
    public bool Telnet { get; init; }

    /// <summary><c>nodelay=on</c>: TCP_NODELAY on the connection.</summary>
    public bool NoDelay { get; init; }

    /// <summary><c>reconnect=</c>/<c>reconnect-ms=</c> in milliseconds (clients); 0 means connect once, failure is fatal.</summary>
    public long ReconnectMs { get; init; }

    public bool IsUnix => Path is not null;
}
