// The I/O thread of SocketChardev: listen/accept or connect/reconnect, then one connection at a time
// (char-socket.c tcp_chr_accept, tcp_chr_connect, tcp_chr_disconnect, socket_reconnect_timeout).
using System.Net;
using System.Net.Sockets;
using Nemu.Chardevs.Interop;
using Nemu.Core.Interop;

namespace Nemu.Chardevs.Socket;

/// <summary>Connection handling of <see cref="SocketChardev"/>.</summary>
public sealed partial class SocketChardev
{
    private static string FormatHost(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();

    private static string FormatEndPoint(EndPoint? endPoint) => endPoint is IPEndPoint ip ? $"{FormatHost(ip.Address)}:{ip.Port}" : "unknown";

    private void Listen()
    {
        if (_options.IsUnix)
        {
            var path = _options.Path!;
            TryUnlink(path);
            _listener = new System.Net.Sockets.Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                _listener.Bind(new UnixDomainSocketEndPoint(path));
            }
            catch (SocketException e)
            {
                var text = e.SocketErrorCode == SocketError.AddressNotAvailable ? "No such file or directory" : ErrorText(e);
                throw new ChardevException($"Failed to bind socket to {path}: {text}");
            }

            _address = $"unix:{path},server=on";
        }
        else
        {
            var endPoint = (IPEndPoint)ResolveTarget();
            _listener = new System.Net.Sockets.Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            _listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            try
            {
                _listener.Bind(endPoint);
            }
            catch (SocketException e)
            {
                throw new ChardevException($"Failed to find an available port: {ErrorText(e)}");
            }

            var bound = (IPEndPoint)_listener.LocalEndPoint!;
            _address = $"{Protocol}:{FormatHost(bound.Address)}:{bound.Port},server=on";
        }

        // QEMU listens with a backlog of 1: later clients wait in the kernel until the current one leaves.
        _listener.Listen(1);
        _listener.Blocking = false;
    }

    private EndPoint ResolveTarget()
    {
        if (_options.IsUnix)
        {
            return new UnixDomainSocketEndPoint(_options.Path!);
        }

        var where = $"{_options.Host}:{_options.Port}";
        if (!int.TryParse(_options.Port, out var port) || port is < 0 or > 65535)
        {
            throw new ChardevException($"address resolution failed for {where}: Servname not supported for ai_socktype");
        }

        if (_options.Host.Length == 0)
        {
            return new IPEndPoint(_options.Server ? IPAddress.Any : IPAddress.Loopback, port);
        }

        if (IPAddress.TryParse(_options.Host.Trim('[', ']'), out var literal))
        {
            return new IPEndPoint(literal, port);
        }

        IPAddress[] addresses;
        try
        {
            addresses = Dns.GetHostAddresses(_options.Host);
        }
        catch (SocketException)
        {
            throw new ChardevException($"address resolution failed for {where}: Name or service not known");
        }

        var chosen = Array.Find(addresses, a => a.AddressFamily == AddressFamily.InterNetwork) ??
            (addresses.Length > 0 ? addresses[0] : throw new ChardevException($"address resolution failed for {where}: Name or service not known"));
        return new IPEndPoint(chosen, port);
    }

    /// <summary>strerror() text for a socket error, as QEMU prints it (.NET appends the endpoint to its messages).</summary>
    private static string ErrorText(SocketException e)
    {
        var errno = e.SocketErrorCode switch
        {
            SocketError.ConnectionRefused => 111,
            SocketError.AddressAlreadyInUse => 98,
            SocketError.AddressNotAvailable => 99,
            SocketError.AccessDenied => 13,
            SocketError.NetworkUnreachable => 101,
            SocketError.HostUnreachable => 113,
            SocketError.TimedOut => 110,
            SocketError.ConnectionReset => 104,
            _ => 0,
        };
        return errno != 0 ? Errno.Text(errno) : e.Message;
    }

    /// <summary>Connects to the target; null with QEMU's error text on failure.</summary>
    private System.Net.Sockets.Socket? Connect(out string? error)
    {
        var target = _target!;
        var socket = _options.IsUnix
            ? new System.Net.Sockets.Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
            : new System.Net.Sockets.Socket(target.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Connect(target);
            error = null;
            return socket;
        }
        catch (SocketException e)
        {
            socket.Dispose();
            var name = _options.IsUnix ? _options.Path : $"{_options.Host}:{_options.Port}";
            var text = e.SocketErrorCode == SocketError.AddressNotAvailable && _options.IsUnix ? "No such file or directory" : ErrorText(e);
            error = $"Failed to connect to '{name}': {text}";
            return null;
        }
    }

    private void ServerLoop()
    {
        var listenFd = (int)_listener!.Handle;
        while (!_pump.IsStopped)
        {
            if (!_pump.Wait(listenFd, -1))
            {
                break;
            }

            System.Net.Sockets.Socket client;
            try
            {
                client = _listener.Accept();
            }
            catch (SocketException)
            {
                continue;
            }
            catch (ObjectDisposedException)
            {
                break;
            }

            RunConnection(client);
        }
    }

    private void ClientLoop(System.Net.Sockets.Socket? first)
    {
        var reported = false;
        var connection = first;
        while (!_pump.IsStopped)
        {
            if (connection is null)
            {
                connection = Connect(out var error);
                if (connection is null)
                {
                    if (!reported)
                    {
                        _messages.WriteLine($"Unable to connect character device {Id}: {error}");
                        _messages.Flush();
                        reported = true;
                    }

                    _pump.Wait(-1, (int)Math.Min(_options.ReconnectMs, int.MaxValue));
                    continue;
                }
            }

            reported = false;
            RunConnection(connection);
            connection = null;
            if (_options.ReconnectMs == 0)
            {
                break;
            }

            _pump.Wait(-1, (int)Math.Min(_options.ReconnectMs, int.MaxValue));
        }
    }

    private void RunConnection(System.Net.Sockets.Socket socket)
    {
        socket.Blocking = false;
        if (_options.NoDelay && !_options.IsUnix)
        {
            socket.NoDelay = true;
        }

        if (_options.Telnet)
        {
            _telnet.Reset();
            socket.Send(TelnetFilter.Negotiation, SocketFlags.None, out _);
        }

        var connected = _options.IsUnix
            ? (_options.Server ? $"unix:{_options.Path},server=on" : $"unix:{_options.Path}")
            : $"{Protocol}:{FormatEndPoint(socket.LocalEndPoint)}{(_options.Server ? ",server=on" : "")} <-> {FormatEndPoint(socket.RemoteEndPoint)}";
        lock (_writeGate)
        {
            if (Volatile.Read(ref _disposed) != 0)
            {
                socket.Dispose();
                return;
            }

            _filename = connected;
            _connection = socket;
        }

        _firstConnection.Set();
        RaiseEvent(ChardevEvent.Opened);

        // Read only once everything an earlier peer sent has been taken by the frontend.
        _pump.Pause();
        if (InputQueueIsEmpty)
        {
            _pump.Resume();
        }

        var exit = _pump.Run((int)socket.Handle, watchHangUp: true, _source);
        if (exit != PumpExit.Stopped)
        {
            DrainAfterHangUp(socket);
        }

        lock (_writeGate)
        {
            _connection = null;
            _filename = "disconnected:" + _address;
            socket.Dispose();
        }

        if (exit != PumpExit.Stopped)
        {
            RaiseEvent(ChardevEvent.Closed);
        }
    }

    /// <summary>Moves what the peer sent before its FIN out of the kernel, so closing loses nothing.</summary>
    private void DrainAfterHangUp(System.Net.Sockets.Socket socket)
    {
        var buffer = _pump.Buffer;
        while (true)
        {
            var n = socket.Receive(buffer, SocketFlags.None, out var error);
            if (error != SocketError.Success || n <= 0)
            {
                return;
            }

            _source.Deliver(buffer.AsSpan(0, n));
        }
    }

    private sealed class ConnectionSource(SocketChardev owner) : IPumpSource
    {
        public int Read(Span<byte> buffer)
        {
            var socket = owner._connection;
            if (socket is null)
            {
                return -2;
            }

            var n = socket.Receive(buffer, SocketFlags.None, out var error);
            if (error == SocketError.WouldBlock)
            {
                return -1;
            }

            return error == SocketError.Success ? n : -2;
        }

        public void Deliver(Span<byte> data)
        {
            if (!owner._options.Telnet)
            {
                owner.QueueInput(data);
                return;
            }

            var queued = false;
            var position = 0;
            while (position < data.Length)
            {
                var next = owner._telnet.Filter(data, position, out var kept, out var sawBreak);
                if (kept > 0)
                {
                    owner.QueueInput(data.Slice(position, kept));
                    queued = true;
                }

                if (sawBreak)
                {
                    owner.RaiseEvent(ChardevEvent.Break);
                }

                position = next;
            }

            if (!queued)
            {
                // Only telnet commands: nothing for the frontend to drain, so read on at once.
                owner._pump.Resume();
            }
        }
    }
}
