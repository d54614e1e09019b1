// The socket backend (QEMU's chardev/char-socket.c; management.md §6.1, §6.2): TCP or unix, server
// (one client at a time, later ones wait in the listen backlog) or client (optionally reconnecting).
// One I/O thread per chardev accepts/connects and reads. Unlike QEMU it also sees a TCP FIN while
// the frontend is not reading (POLLRDHUP, §6.2). Bytes the peer sent before hanging up are drained
// into the input queue before the fd is closed, then CHR_EVENT_CLOSED follows.
// Not modelled: websocket, tn3270, TLS, fd=, multiple listen addresses, chr_add_watch.
using System.Net;
using System.Net.Sockets;
using Nemu.Chardevs.Interop;
using Nemu.Core.Threading;

namespace Nemu.Chardevs.Socket;

/// <summary>
/// <c>-chardev socket,...</c> / <c>-serial tcp:...</c>, <c>telnet:...</c>, <c>unix:...</c>.
/// <see cref="Chardev.Filename"/> is <c>disconnected:tcp:127.0.0.1:4444,server=on</c> while waiting and
/// <c>tcp:127.0.0.1:4444,server=on &lt;-&gt; 127.0.0.1:52702</c> while a client is connected.
/// </summary>
public sealed partial class SocketChardev : Chardev
{
    private readonly SocketChardevOptions _options;
    private readonly TextWriter _messages;
    private readonly ReadPump _pump = new();
    private readonly TelnetFilter _telnet = new();
    private readonly Lock _writeGate = new();
    private readonly ManualResetEventSlim _firstConnection = new();
    private readonly ConnectionSource _source;
    private System.Net.Sockets.Socket? _listener;
    private System.Net.Sockets.Socket? _connection;
    private EndPoint? _target;
    private string _address = "";
    private volatile string _filename = "";
    private Thread? _thread;
    private int _disposed;

    private SocketChardev(string id, IMainLoop loop, SocketChardevOptions options, TextWriter messages)
        : base(id, loop)
    {
        _options = options;
        _messages = messages;
        _source = new ConnectionSource(this);
    }

    public override string BackendName => "socket";

    public override string Filename => _filename;

    /// <summary>The configuration this chardev was opened with.</summary>
    public SocketChardevOptions Options => _options;

    /// <summary>True while a peer is connected (QEMU's <c>connected</c> property).</summary>
    public bool IsConnected => Volatile.Read(ref _connection) is not null;

    /// <summary>Where a server listens (with the real port when port 0 was asked for); null for clients.</summary>
    public EndPoint? ListenEndPoint => _listener?.LocalEndPoint;

    /// <summary>
    /// Opens the socket: a server binds and listens (and with wait=on blocks until a client connects,
    /// after printing <c>info: Nemu waiting for connection on: ...</c> to <paramref name="messages"/>);
    /// a client connects, or with reconnect starts retrying in the background.
    /// </summary>
    /// <exception cref="ChardevException">QEMU's texts: <c>Failed to connect to '127.0.0.1:45599': Connection refused</c>, ...</exception>
    public static SocketChardev Open(string id, IMainLoop loop, SocketChardevOptions options, TextWriter? messages = null)
    {
        var chardev = new SocketChardev(id, loop, options, messages ?? Console.Error);
        try
        {
            chardev.Start();
        }
        catch
        {
            chardev.Dispose();
            throw;
        }

        return chardev;
    }

    public override int Write(ReadOnlySpan<byte> data)
    {
        lock (_writeGate)
        {
            var connection = _connection;
            if (connection is null)
            {
                // QEMU fails the write with EIO and the frontend drops the byte.
                return data.Length;
            }

            var sent = connection.Send(data, SocketFlags.None, out var error);
            if (error == SocketError.Success || error == SocketError.WouldBlock)
            {
                return sent;
            }

            // The reader notices the hang-up and disconnects; the bytes are lost as in QEMU.
            return data.Length;
        }
    }

    protected override void OnInputDrained() => _pump.Resume();

    protected override void Dispose(bool disposing)
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _pump.Stop();
        var joined = _thread is null || _thread.Join(TimeSpan.FromSeconds(5));
        lock (_writeGate)
        {
            _connection?.Dispose();
            _connection = null;
        }

        _listener?.Dispose();
        if (_options.IsUnix && _options.Server && _listener is not null)
        {
            TryUnlink(_options.Path!);
        }

        if (joined)
        {
            _pump.Dispose();
        }

        _firstConnection.Dispose();
    }

    private static void TryUnlink(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private void Start()
    {
        if (_options.Server)
        {
            Listen();
            _filename = "disconnected:" + _address;
            _thread = new Thread(ServerLoop) { IsBackground = true, Name = $"chardev-{Id}" };
            _thread.Start();
            if (_options.Wait)
            {
                _messages.WriteLine($"info: Nemu waiting for connection on: {_filename}");
                _messages.Flush();
                _firstConnection.Wait();
            }

            return;
        }

        _target = ResolveTarget();
        _address = _options.IsUnix ? $"unix:{_options.Path}" : $"{Protocol}:{_options.Host}:{_options.Port}";
        _filename = "disconnected:" + _address;
        System.Net.Sockets.Socket? first = null;
        if (_options.ReconnectMs == 0)
        {
            first = Connect(out var error) ?? throw new ChardevException(error!);
        }

        _thread = new Thread(() => ClientLoop(first)) { IsBackground = true, Name = $"chardev-{Id}" };
        _thread.Start();
    }

    private string Protocol => _options.Telnet ? "telnet" : "tcp";
}
