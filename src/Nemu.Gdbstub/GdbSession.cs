// One gdb connection's protocol state (QEMU gdbstub/gdbstub.c + softmmu.c for system emulation, 7.2 behaviour with
// 10.0's registers; management.md §5): acks and retransmission, interrupts, stop replies on every VM stop, the
// processes/threads (one process per CPU cluster) and the packet handlers (GdbSession.Packets.cs, .Queries.cs).
// Every call happens on the main-loop thread. Not modelled: semihosting target=gdb (File-I/O packets), no-ack mode
// (QEMU has none), non-stop mode.
using System.Text;
using Nemu.Arm.Cpu;
using Nemu.Core.Debug;
using Nemu.Monitor;
using Nemu.Monitor.Hmp;
using Nemu.System;

namespace Nemu.Gdbstub;

/// <summary>The gdb remote protocol for one <see cref="Machine"/>, writing replies through a byte sink.</summary>
public sealed partial class GdbSession
{
    private readonly Machine _machine;
    private readonly Action<ReadOnlyMemory<byte>> _write;
    private readonly GdbPacketReader _reader = new();
    private readonly List<GdbThread> _threads = [];
    private readonly HashSet<int> _attached = [];
    private byte[] _lastPacket = [];
    private bool _active;
    private bool _multiprocess;
    private bool _stepping;
    private GdbThread _cCpu;
    private GdbThread _gCpu;
    private GdbThread? _stopCpu;
    private DebugStop? _pendingStop;
    private HmpSession? _hmp;
    private bool _inMonitorCommand;
    private int? _deferredExit;

    /// <summary>
    /// A session for <paramref name="machine"/> with <paramref name="cpus"/> in cpu_index order; with
    /// <paramref name="clusterPerCpu"/> each CPU is its own gdb process (the SSE-200 boards), else all are process 1.
    /// </summary>
    public GdbSession(Machine machine, IReadOnlyList<ArmCpu> cpus, bool clusterPerCpu, Action<ReadOnlyMemory<byte>> write)
    {
        if (cpus.Count == 0)
        {
            throw new ArgumentException("the machine has no CPU to debug", nameof(cpus));
        }

        _machine = machine;
        _write = write;
        for (var i = 0; i < cpus.Count; i++)
        {
            var thread = new GdbThread(cpus[i], clusterPerCpu ? i + 1 : 1, i + 1, GdbRegisterMap.For(cpus[i]));
            _threads.Add(thread);
            cpus[i].DebugStopped += stop => OnDebugStopped(thread, stop);
        }

        Descriptions = _threads.Select(t => new GdbTargetDescription(t.Registers)).ToList();
        _cCpu = _gCpu = _threads[0];
        machine.EventRaised += OnMachineEvent;
        machine.QuitRequested += OnQuitRequested;
    }

    /// <summary>The single-step flags (qqemu.sstep): QEMU's default ENABLE|NOIRQ|NOTIMER.</summary>
    public int StepFlagBits { get; private set; } = 0x7;

    /// <summary>True once a client is connected (QEMU's state != RS_INACTIVE).</summary>
    public bool Active => _active;

    private List<GdbTargetDescription> Descriptions { get; }

    /// <summary>A client connected (CHR_EVENT_OPENED): process 1 attached, the others not, and the VM pauses.</summary>
    public void OnConnected()
    {
        _reader.Reset();
        _lastPacket = [];
        _multiprocess = false;
        _attached.Clear();
        _attached.Add(_threads[0].Pid);
        _cCpu = _gCpu = _threads[0];
        _active = true;
        _machine.Stop(RunState.Paused);
    }

    /// <summary>The client went away: no more stop replies until the next one connects.</summary>
    public void OnDisconnected() => _active = false;

    /// <summary>Input bytes from the client (gdb_read_byte for each).</summary>
    public void Receive(ReadOnlySpan<byte> data)
    {
        foreach (var ch in data)
        {
            ReadByte(ch);
        }
    }

    private void ReadByte(byte ch)
    {
        if (_lastPacket.Length > 0)
        {
            // Waiting for the ack of our last packet: `-` retransmits it, `+` or a new packet ends the wait.
            if (ch == (byte)'-')
            {
                _write(_lastPacket);
            }

            if (ch is (byte)'+' or (byte)'$')
            {
                _lastPacket = [];
            }

            if (ch != (byte)'$')
            {
                return;
            }
        }

        if (_machine.State == RunState.Running)
        {
            // While the VM runs, any byte (0x03 from gdb's Ctrl-C) stops it; the stop reply follows as for any stop.
            _machine.Stop(RunState.Paused);
            return;
        }

        switch (_reader.Feed(ch, out var payload))
        {
            case GdbReadResult.BadChecksum:
                _write("-"u8.ToArray());
                break;
            case GdbReadResult.Packet:
                _write("+"u8.ToArray());
                HandlePacket(Encoding.Latin1.GetString(payload));
                break;
        }
    }

    /// <summary>Sends <c>$payload#cs</c> and remembers it for a retransmit.</summary>
    private void PutPacket(string payload)
    {
        var body = Encoding.Latin1.GetBytes(payload);
        var packet = new byte[body.Length + 4];
        packet[0] = (byte)'$';
        body.CopyTo(packet, 1);
        var sum = 0;
        foreach (var b in body)
        {
            sum += b;
        }

        packet[body.Length + 1] = (byte)'#';
        packet[body.Length + 2] = (byte)"0123456789abcdef"[(sum >> 4) & 0xF];
        packet[body.Length + 3] = (byte)"0123456789abcdef"[sum & 0xF];
        _lastPacket = packet;
        _write(packet);
    }

    private string ThreadId(GdbThread thread) =>
        _multiprocess ? $"p{thread.Pid:x2}.{thread.Tid:x2}" : $"{thread.Tid:x2}";

    private string StopReply(int signal, GdbThread thread, DebugStop? stop)
    {
        var reply = $"T{signal:x2}thread:{ThreadId(thread)};";
        if (stop is { Kind: DebugStopKind.Watchpoint } watch)
        {
            var kind = watch.WatchKind switch
            {
                WatchpointKind.Read => "rwatch",
                WatchpointKind.Access => "awatch",
                _ => "watch",
            };
            reply += $"{kind}:{watch.WatchAddress:x};";
        }

        return reply;
    }

    private void OnDebugStopped(GdbThread thread, DebugStop stop)
    {
        if (_stepping)
        {
            return;
        }

        _stopCpu = thread;
        _pendingStop = stop;
        _machine.Stop(RunState.Debug);
    }

    // gdb_vm_state_change: every transition of the VM to a stopped state is reported to a connected client.
    private void OnMachineEvent(MachineEvent machineEvent)
    {
        if (machineEvent is not StopEvent)
        {
            return;
        }

        var stop = _pendingStop;
        var thread = _stopCpu ?? _cCpu;
        _pendingStop = null;
        _stopCpu = null;
        if (!_active)
        {
            return;
        }

        var signal = _machine.State switch
        {
            RunState.Debug => 5,
            RunState.Paused => 2,
            RunState.Shutdown => 3,
            RunState.InternalError => 6,
            RunState.FinishMigrate => 24,
            _ => 143,
        };
        if (_machine.State is RunState.SaveVm or RunState.RestoreVm)
        {
            return;
        }

        PutPacket(StopReply(signal, thread, _machine.State == RunState.Debug ? stop : null));
    }

    // gdb_exit: the process ends; the client learns the exit status.
    private void OnQuitRequested(int exitCode)
    {
        if (_inMonitorCommand)
        {
            // A monitor `quit` takes effect after the command: QEMU answers OK, then W00.
            _deferredExit = exitCode;
            return;
        }

        if (_active)
        {
            PutPacket($"W{(byte)exitCode:x2}");
            _active = false;
        }
    }

    private void MonitorOutput(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text.Replace("\n", "\r\n", StringComparison.Ordinal));
        for (var offset = 0; offset < bytes.Length; offset += 1000)
        {
            PutPacket("O" + GdbHex.Encode(bytes.AsSpan(offset, Math.Min(1000, bytes.Length - offset))));
        }
    }

    private HmpSession Monitor => _hmp ??= new HmpSession(new MachineHmpAdapter(_machine), MonitorOutput);
}
