// Socket backend behaviour other than hang-ups (management.md §6.1): telnet negotiation and IAC
// stripping, wait=on, client connect errors and reconnect.
using System.Net;
using System.Net.Sockets;
using Nemu.Chardevs.Socket;
using Nemu.Chardevs.Tests.TestSupport;

namespace Nemu.Chardevs.Tests.Socket;

public sealed class SocketChardevTests : IDisposable
{
    private readonly TestMainLoop _loop = new();
    private readonly TestPaths _paths = new();

    [Fact]
    public void TelnetServerSendsNegotiationAndStripsIacSequences()
    {
        var options = new SocketChardevOptions { Host = "127.0.0.1", Port = "0", Server = true, Telnet = true };
        using var chardev = SocketChardev.Open("t0", _loop, options);
        Assert.Equal($"disconnected:telnet:127.0.0.1:{SocketChardevHangUpTests.Port(chardev)},server=on", chardev.Filename);
        var frontend = new RecordingFrontend();
        _loop.Invoke(() => chardev.Attach(frontend));
        using var client = SocketChardevHangUpTests.ConnectClient(chardev, options);

        var negotiation = ReceiveExactly(client, 12);
        Assert.Equal(new byte[] { 0xff, 0xfb, 0x01, 0xff, 0xfb, 0x03, 0xff, 0xfb, 0x00, 0xff, 0xfd, 0x00 }, negotiation);
        frontend.WaitForEvent(ChardevEvent.Opened);

        // IAC WILL ECHO is dropped, IAC IAC is one 0xff, IAC BREAK is a break event.
        client.Send([(byte)'a', 0xff, 0xfb, 0x01, (byte)'b', 0xff, 0xff, (byte)'c', 0xff, 0xf3, (byte)'d']);
        frontend.WaitForBytes(5);
        Assert.Equal(new byte[] { (byte)'a', (byte)'b', 0xff, (byte)'c', (byte)'d' }, frontend.Received);
        frontend.WaitForEvent(ChardevEvent.Break);
    }

    [Fact]
    public async Task WaitOnBlocksStartupUntilAClientConnects()
    {
        var port = FreePort();
        var messages = new SynchronizedWriter();
        var options = new SocketChardevOptions { Host = "127.0.0.1", Port = port.ToString(), Server = true, Wait = true };
        var open = Task.Run(() => SocketChardev.Open("s0", _loop, options, messages));
        messages.WaitFor($"info: Nemu waiting for connection on: disconnected:tcp:127.0.0.1:{port},server=on");
        Assert.False(open.IsCompleted);

        using var client = new System.Net.Sockets.Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        client.Connect(IPAddress.Loopback, port);
        using var chardev = await open.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(chardev.IsConnected);
    }

    [Fact]
    public void ClientConnectFailureIsFatalWithQemuText()
    {
        var port = FreePort();
        var options = new SocketChardevOptions { Host = "127.0.0.1", Port = port.ToString() };
        var e = Assert.Throws<ChardevException>(() => SocketChardev.Open("c0", _loop, options));
        Assert.Equal($"Failed to connect to '127.0.0.1:{port}': Connection refused", e.Message);
    }

    [Fact]
    public void UnixClientToMissingPathReportsNoSuchFile()
    {
        var path = _paths.New(".sock");
        var e = Assert.Throws<ChardevException>(() => SocketChardev.Open("c0", _loop, new SocketChardevOptions { Path = path }));
        Assert.Equal($"Failed to connect to '{path}': No such file or directory", e.Message);
    }

    [Fact]
    public void ReconnectingClientReportsOnceThenConnectsAndReconnectsAfterDisconnect()
    {
        var port = FreePort();
        var messages = new SynchronizedWriter();
        var options = new SocketChardevOptions { Host = "127.0.0.1", Port = port.ToString(), ReconnectMs = 50 };
        using var chardev = SocketChardev.Open("c0", _loop, options, messages);
        messages.WaitFor($"Unable to connect character device c0: Failed to connect to '127.0.0.1:{port}': Connection refused");
        Assert.Equal($"disconnected:tcp:127.0.0.1:{port}", chardev.Filename);
        var frontend = new RecordingFrontend();
        _loop.Invoke(() => chardev.Attach(frontend));

        using var listener = new System.Net.Sockets.Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, port));
        listener.Listen(4);
        var peer = listener.Accept();
        frontend.WaitForEvent(ChardevEvent.Opened);
        Assert.StartsWith("tcp:127.0.0.1:", chardev.Filename, StringComparison.Ordinal);
        Assert.EndsWith($" <-> 127.0.0.1:{port}", chardev.Filename, StringComparison.Ordinal);
        peer.Send("hi"u8);
        frontend.WaitForBytes(2);
        Assert.Equal("hi", frontend.ReceivedText);

        peer.Close();
        frontend.WaitForEvent(ChardevEvent.Closed);
        using var again = listener.Accept();
        frontend.WaitForEvent(ChardevEvent.Opened, 2);
        Assert.Single(messages.Lines, l => l.StartsWith("Unable to connect", StringComparison.Ordinal));
    }

    [Fact]
    public void DisconnectedSocketDiscardsOutput()
    {
        var options = new SocketChardevOptions { Path = _paths.New(".sock"), Server = true };
        using var chardev = SocketChardev.Open("s0", _loop, options);
        Assert.Equal(3, chardev.Write("abc"u8));
        Assert.False(chardev.IsConnected);
    }

    public void Dispose()
    {
        _loop.Dispose();
        _paths.Dispose();
    }

    private static byte[] ReceiveExactly(System.Net.Sockets.Socket socket, int count)
    {
        socket.ReceiveTimeout = 10_000;
        var buffer = new byte[count];
        var got = 0;
        while (got < count)
        {
            var n = socket.Receive(buffer.AsSpan(got));
            Assert.True(n > 0, "connection closed early");
            got += n;
        }

        return buffer;
    }

    private static int FreePort()
    {
        using var probe = new System.Net.Sockets.Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}
