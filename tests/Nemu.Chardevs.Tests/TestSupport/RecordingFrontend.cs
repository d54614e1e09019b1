// A frontend for tests that records input and events and can stop reading (CanReceive() == 0),
// like a UART with RX disabled (management.md §6.2).
namespace Nemu.Chardevs.Tests.TestSupport;

/// <summary>Records what a chardev delivers; waits are event-driven with a timeout.</summary>
internal sealed class RecordingFrontend : IChardevFrontend
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly object _gate = new();
    private readonly List<byte> _received = [];
    private readonly List<ChardevEvent> _events = [];
    private volatile int _room;

    public RecordingFrontend(int room = int.MaxValue)
    {
        _room = room;
    }

    /// <summary>
    /// What <see cref="CanReceive"/> returns; 0 means not reading. Like a receive FIFO it shrinks as
    /// bytes arrive, unless it is <see cref="int.MaxValue"/> (always reading).
    /// </summary>
    public int Room
    {
        get => _room;
        set => _room = value;
    }

    public byte[] Received
    {
        get
        {
            lock (_gate)
            {
                return [.. _received];
            }
        }
    }

    public string ReceivedText => System.Text.Encoding.Latin1.GetString(Received);

    public ChardevEvent[] Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    public int CanReceive() => _room;

    public void Receive(ReadOnlySpan<byte> data)
    {
        Assert.True(data.Length <= _room, "a backend delivered more than CanReceive() allowed");
        if (_room != int.MaxValue)
        {
            _room -= data.Length;
        }

        lock (_gate)
        {
            _received.AddRange(data);
            Monitor.PulseAll(_gate);
        }
    }

    public void OnEvent(ChardevEvent chardevEvent)
    {
        lock (_gate)
        {
            _events.Add(chardevEvent);
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Waits until <paramref name="chardevEvent"/> has been seen <paramref name="count"/> times.</summary>
    public void WaitForEvent(ChardevEvent chardevEvent, int count = 1) =>
        WaitUntil(() => _events.Count(e => e == chardevEvent) >= count, $"{count} x {chardevEvent}");

    /// <summary>Waits until the received text satisfies <paramref name="condition"/>.</summary>
    public void WaitForText(Func<string, bool> condition) =>
        WaitUntil(() => condition(System.Text.Encoding.Latin1.GetString([.. _received])), "text");

    /// <summary>Waits until at least <paramref name="count"/> bytes arrived.</summary>
    public void WaitForBytes(int count) => WaitUntil(() => _received.Count >= count, $"{count} bytes");

    private void WaitUntil(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Timeout;
        lock (_gate)
        {
            while (!condition())
            {
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero)
                {
                    throw new TimeoutException($"waited for {what}; events: {string.Join(",", _events)}, bytes: {_received.Count}");
                }

                Monitor.Wait(_gate, left);
            }
        }
    }
}
