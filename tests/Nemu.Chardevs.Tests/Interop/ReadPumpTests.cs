// The interop layer on its own (management.md §6.2): a paused pump sees a TCP FIN through
// POLLRDHUP without consuming the bytes the peer sent before it.
using System.Net;
using System.Net.Sockets;
using Nemu.Chardevs.Interop;

namespace Nemu.Chardevs.Tests.Interop;

public sealed class ReadPumpTests
{
    [Fact]
    public async Task PausedPumpSeesFinWithoutConsumingPendingBytes()
    {
        using var listener = new System.Net.Sockets.Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(1);
        using var client = new System.Net.Sockets.Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        client.Connect(listener.LocalEndPoint!);
        using var server = listener.Accept();
        using var pump = new ReadPump();
        var source = new CountingSource();

        client.Send("pending"u8);
        client.Shutdown(SocketShutdown.Send);
        var exit = await Task.Run(() => pump.Run((int)server.Handle, watchHangUp: true, source)).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(PumpExit.HangUp, exit);
        Assert.Equal(0, source.Reads);
        var buffer = new byte[16];
        Assert.Equal(7, server.Receive(buffer));
    }

    [Fact]
    public async Task StopEndsAWaitingPump()
    {
        using var pump = new ReadPump();
        var wait = Task.Run(() => pump.Wait(-1, -1));
        pump.Stop();
        Assert.False(await wait.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    private sealed class CountingSource : IPumpSource
    {
        public int Reads { get; private set; }

        public int Read(Span<byte> buffer)
        {
            Reads++;
            return -2;
        }

        public void Deliver(Span<byte> data)
        {
        }
    }
}
