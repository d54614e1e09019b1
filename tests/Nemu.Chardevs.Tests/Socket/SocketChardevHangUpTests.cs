// The hang-up matrix of management.md §6.2: a server must notice a client hang-up while its frontend
// is not reading, for unix close, TCP RST and TCP FIN (the case QEMU misses), return to
// "disconnected:..." and accept the next client; bytes sent before the hang-up are not lost.
using System.Net;
using System.Net.Sockets;
using System.Text;
using Nemu.Chardevs.Socket;
using Nemu.Chardevs.Tests.TestSupport;

namespace Nemu.Chardevs.Tests.Socket;

public sealed class SocketChardevHangUpTests : IDisposable
{
    private readonly TestMainLoop _loop = new();
    private readonly TestPaths _paths = new();

    public enum Close
    {
        Unix,
        TcpReset,
        TcpGraceful,
    }

    [Theory]
    [InlineData(Close.Unix, true)]
    [InlineData(Close.Unix, false)]
    [InlineData(Close.TcpReset, true)]
    [InlineData(Close.TcpReset, false)]
    [InlineData(Close.TcpGraceful, true)]
    [InlineData(Close.TcpGraceful, false)]
    public void HangUpIsNoticedWhileFrontendIsNotReadingAndNextClientIsServed(Close how, bool sendBeforeHangUp)
    {
        var unix = how == Close.Unix;
        var options = unix
            ? new SocketChardevOptions { Path = _paths.New(".sock"), Server = true }
            : new SocketChardevOptions { Host = "127.0.0.1", Port = "0", Server = true };
        using var chardev = SocketChardev.Open("c0", _loop, options);
        var frontend = new RecordingFrontend(room: 0);
        _loop.Invoke(() => chardev.Attach(frontend));
        var disconnected = unix
            ? $"disconnected:unix:{options.Path},server=on"
            : $"disconnected:tcp:127.0.0.1:{Port(chardev)},server=on";
        Assert.Equal(disconnected, chardev.Filename);

        var first = ConnectClient(chardev, options);
        frontend.WaitForEvent(ChardevEvent.Opened);
        Assert.Equal(unix ? $"unix:{options.Path},server=on" : $"tcp:127.0.0.1:{Port(chardev)},server=on <-> 127.0.0.1:{((IPEndPoint)first.LocalEndPoint!).Port}", chardev.Filename);

        // The second client waits in the listen backlog while the first is connected.
        var second = ConnectClient(chardev, options);
        if (sendBeforeHangUp)
        {
            first.Send("early"u8);
        }

        if (how == Close.TcpReset)
        {
            first.LingerState = new LingerOption(true, 0);
        }

        first.Close();

        frontend.WaitForEvent(ChardevEvent.Closed);
        frontend.WaitForEvent(ChardevEvent.Opened, 2);
        Assert.True(chardev.IsConnected);

        // The frontend reads again: what the first client sent (unless reset, where the kernel
        // discards it) comes first, then the second client's data.
        second.Send("late"u8);
        frontend.Room = int.MaxValue;
        _loop.Invoke(chardev.AcceptInput);
        if (how == Close.TcpReset && sendBeforeHangUp)
        {
            // An RST makes the kernel drop what was not read yet; what was read is still delivered.
            frontend.WaitForText(t => t.EndsWith("late", StringComparison.Ordinal));
            Assert.Contains(frontend.ReceivedText, (string[])["late", "earlylate"]);
        }
        else
        {
            var expected = (sendBeforeHangUp ? "early" : "") + "late";
            frontend.WaitForBytes(expected.Length);
            Assert.Equal(expected, frontend.ReceivedText);
        }

        Assert.Equal(5, _loop.Invoke(() => chardev.Write("hello"u8)));
        var buffer = new byte[5];
        second.ReceiveTimeout = 10_000;
        var got = 0;
        while (got < 5)
        {
            got += second.Receive(buffer.AsSpan(got));
        }

        Assert.Equal("hello", Encoding.ASCII.GetString(buffer));
        second.Close();
        frontend.WaitForEvent(ChardevEvent.Closed, 2);
        Assert.Equal(disconnected, chardev.Filename);
    }

    [Fact]
    public void BytesSentBeforeGracefulCloseAreDeliveredBeforeClosed()
    {
        var options = new SocketChardevOptions { Host = "127.0.0.1", Port = "0", Server = true };
        using var chardev = SocketChardev.Open("c0", _loop, options);
        var frontend = new RecordingFrontend(room: 2);
        _loop.Invoke(() => chardev.Attach(frontend));
        var client = ConnectClient(chardev, options);
        frontend.WaitForEvent(ChardevEvent.Opened);
        client.Send(new byte[10000]);
        client.Close();

        frontend.WaitForEvent(ChardevEvent.Closed);
        Assert.Equal(2, frontend.Received.Length);
        frontend.Room = int.MaxValue;
        _loop.Invoke(chardev.AcceptInput);
        frontend.WaitForBytes(10000);
        Assert.Equal(10000, frontend.Received.Length);
    }

    public void Dispose()
    {
        _loop.Dispose();
        _paths.Dispose();
    }

    internal static int Port(SocketChardev chardev) => ((IPEndPoint)chardev.ListenEndPoint!).Port;

    internal static System.Net.Sockets.Socket ConnectClient(SocketChardev chardev, SocketChardevOptions options)
    {
        if (options.IsUnix)
        {
            var unix = new System.Net.Sockets.Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            unix.Connect(new UnixDomainSocketEndPoint(options.Path!));
            return unix;
        }

        var tcp = new System.Net.Sockets.Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        tcp.Connect(new IPEndPoint(IPAddress.Loopback, Port(chardev)));
        return tcp;
    }
}
