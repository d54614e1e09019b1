// A QMP monitor on a chardev (QEMU monitor/qmp.c; management.md §2). On every connection (CHR_EVENT_OPENED) the
// session goes back to capabilities negotiation and the greeting is sent; input is a JSON stream through
// JsonMessageParser (QEMU's limits bound what a client can make the server buffer); each message is answered by
// QmpDispatcher; machine events go to the client once it negotiated, synchronously, so an event caused by a command
// comes before that command's reply. On hang-up the parser and session are reset and unsent output is dropped.
// Output is queued and retried on a realtime timer when the peer does not keep up (QEMU's monitor outbuf with a
// G_IO_OUT watch); while more than MaxPendingOutput bytes wait, input is not read (back-pressure instead of an
// unbounded buffer). Not modelled: the dedicated monitor I/O thread and real out-of-band execution.
using System.Text;
using Nemu.Chardevs;
using Nemu.Core.Time;
using Nemu.Monitor.Qmp.Json;
using Nemu.System;

namespace Nemu.Monitor.Qmp;

/// <summary>A QMP monitor: JSON commands in, JSON replies and events out.</summary>
public sealed class QmpMonitor : IChardevFrontend
{
    /// <summary>Unsent output above which the monitor stops reading input until the client catches up.</summary>
    public const int MaxPendingOutput = 1 << 20;

    private const long RetryNs = 2_000_000;
    private static readonly TimeSpan QuitFlushTimeout = TimeSpan.FromSeconds(5);

    private readonly JsonMessageParser _parser;
    private readonly Queue<byte[]> _output = new();
    private readonly Action<MachineEvent> _onMachineEvent;
    private ClockTimer? _retryTimer;
    private int _outputOffset;
    private long _pendingBytes;
    private bool _connected;
    private bool _started;
    private bool _inputPaused;

    public QmpMonitor(Chardev chardev, Machine machine, bool pretty)
        : this(chardev, machine, pretty, new QmpDispatcher(machine))
    {
    }

    /// <summary>A monitor answering through <paramref name="dispatcher"/> (tests give one with their own commands).</summary>
    public QmpMonitor(Chardev chardev, Machine machine, bool pretty, QmpDispatcher dispatcher)
    {
        Chardev = chardev;
        Machine = machine;
        Pretty = pretty;
        Dispatcher = dispatcher;
        _parser = new JsonMessageParser(OnMessage);
        _onMachineEvent = OnMachineEvent;
    }

    public Chardev Chardev { get; }

    public Machine Machine { get; }

    public bool Pretty { get; }

    public QmpDispatcher Dispatcher { get; }

    /// <summary>The current client's negotiation state.</summary>
    public QmpSession Session { get; } = new();

    /// <summary>Bytes queued for the client and not yet taken by the chardev.</summary>
    public long PendingOutputBytes => _pendingBytes;

    /// <summary>The greeting (qmp_greeting): Nemu's version in query-version's shape and the capabilities offered.</summary>
    public static JsonObject Greeting() => (JsonObject)QDictOrder.Apply(new JsonObject(
        ("QMP", new JsonObject(
            ("version", Commands.SchemaCommands.VersionInfo()),
            ("capabilities", new JsonArray(new JsonString("oob")))))));

    /// <summary>Attaches to the chardev and starts listening to machine events.</summary>
    public void Start()
    {
        if (_started)
        {
            return;
        }

        _started = true;
        Machine.EventRaised += _onMachineEvent;
        Chardev.Attach(this);
    }

    /// <summary>Detaches from the chardev and the machine.</summary>
    public void Stop()
    {
        if (!_started)
        {
            return;
        }

        _started = false;
        Machine.EventRaised -= _onMachineEvent;
        Chardev.Detach(this);
        _retryTimer?.Cancel();
    }

    public int CanReceive()
    {
        _inputPaused = _connected && _pendingBytes > MaxPendingOutput;
        return _inputPaused ? 0 : 4096;
    }

    public void Receive(ReadOnlySpan<byte> data)
    {
        // Input left over from a client that hung up is dropped; the next client starts clean.
        if (_connected)
        {
            _parser.Feed(data);
        }
    }

    public void OnEvent(ChardevEvent chardevEvent)
    {
        switch (chardevEvent)
        {
            case ChardevEvent.Opened:
                _connected = true;
                _parser.Reset();
                Session.Reset();
                Send(Greeting());
                break;
            case ChardevEvent.Closed:
                _connected = false;
                _parser.Reset();
                Session.Reset();
                _output.Clear();
                _outputOffset = 0;
                _pendingBytes = 0;
                _retryTimer?.Cancel();
                Chardev.AcceptInput();
                break;
        }
    }

    private void OnMessage(JsonParseResult result)
    {
        var reply = result.IsError
            ? QmpDispatcher.ParseErrorReply(result.Error!)
            : Dispatcher.Dispatch(result.Value!, Session);
        Send(reply);
        if (Machine.Loop.IsQuitRequested)
        {
            // quit: the reply must reach the client before the process exits (QEMU flushes monitors at exit).
            FlushBeforeExit();
        }
    }

    private void OnMachineEvent(MachineEvent machineEvent)
    {
        if (_connected && Session.Negotiated)
        {
            Send(QmpEventMessage.Build(machineEvent, Machine.Time.Host.NowNs));
        }
    }

    private void Send(JsonObject message)
    {
        var bytes = Encoding.ASCII.GetBytes(JsonWriter.ToQmpMessage(message, Pretty));
        _output.Enqueue(bytes);
        _pendingBytes += bytes.Length;
        Flush();
    }

    private void Flush()
    {
        while (_output.TryPeek(out var chunk))
        {
            var rest = chunk.AsSpan(_outputOffset);
            var written = Math.Clamp(Chardev.Write(rest), 0, rest.Length);
            _outputOffset += written;
            _pendingBytes -= written;
            if (_outputOffset < chunk.Length)
            {
                ScheduleRetry();
                return;
            }

            _output.Dequeue();
            _outputOffset = 0;
        }

        if (_inputPaused && _pendingBytes <= MaxPendingOutput)
        {
            // Posted: this may run inside a machine event raised mid-instruction, not a place to run commands.
            _inputPaused = false;
            Machine.Loop.Post(Chardev.AcceptInput);
        }
    }

    private void ScheduleRetry()
    {
        _retryTimer ??= Machine.Time.CreateTimer(ClockType.Realtime, "qmp-output", Flush);
        if (!_retryTimer.IsPending)
        {
            _retryTimer.Modify(Machine.Time.Realtime.NowNs + RetryNs);
        }
    }

    private void FlushBeforeExit()
    {
        var deadline = DateTime.UtcNow + QuitFlushTimeout;
        while (_pendingBytes > 0 && DateTime.UtcNow < deadline)
        {
            Flush();
            if (_pendingBytes > 0)
            {
                Thread.Sleep(1);
            }
        }
    }
}
