// q/Q/v packets and thread ids (QEMU gdbstub.c gdb_gen_query_table, gdb_gen_set_table, handle_v_*, read_thread_id,
// gdb_get_cpu; management.md §5.2-§5.3). Thread ids: `p<pid>.<tid>` in multiprocess mode, else `<tid>`; -1 = all,
// 0 = any. qThreadExtraInfo uses QEMU 7.2's text ("CPU#0 [running]").
using System.Text;
using Nemu.Arm.Cpu;

namespace Nemu.Gdbstub;

public sealed partial class GdbSession
{
    private int _queryIndex;
    private bool _physicalMemoryMode;

    private enum ThreadKind
    {
        One,
        AllThreads,
        AllProcesses,
    }

    private void HandleQuery(string p)
    {
        switch (p)
        {
            case var _ when p.StartsWith("qSupported", StringComparison.Ordinal):
                _multiprocess = p.Contains("multiprocess+", StringComparison.Ordinal);
                PutPacket("PacketSize=1000;qXfer:features:read+;vContSupported+" + (_multiprocess ? ";multiprocess+" : string.Empty));
                break;
            case "qC":
                PutPacket("QC" + ThreadId(_threads.First(t => t.Pid == _gCpu.Pid)));
                break;
            case var _ when p.StartsWith("qAttached", StringComparison.Ordinal):
                PutPacket("1");
                break;
            case "qfThreadInfo":
                _queryIndex = 0;
                NextThreadInfo();
                break;
            case "qsThreadInfo":
                NextThreadInfo();
                break;
            case var _ when p.StartsWith("qThreadExtraInfo,", StringComparison.Ordinal):
                ThreadExtraInfo(p["qThreadExtraInfo,".Length..]);
                break;
            case var _ when p.StartsWith("qXfer:features:read:", StringComparison.Ordinal):
                ReadFeatures(p["qXfer:features:read:".Length..]);
                break;
            case var _ when p.StartsWith("qRcmd,", StringComparison.Ordinal):
                MonitorCommand(p["qRcmd,".Length..]);
                break;
            case "qqemu.Supported":
                PutPacket("sstepbits;sstep;PhyMemMode");
                break;
            case "qqemu.sstepbits":
                PutPacket("ENABLE=1,NOIRQ=2,NOTIMER=4");
                break;
            case "qqemu.sstep":
                PutPacket($"0x{StepFlagBits:x}");
                break;
            case var _ when p.StartsWith("Qqemu.sstep=", StringComparison.Ordinal):
                if (!GdbHex.TryParse(p["Qqemu.sstep=".Length..], out var flags))
                {
                    PutPacket(string.Empty);
                }
                else if ((flags & ~7UL) != 0)
                {
                    PutPacket("E22");
                }
                else
                {
                    StepFlagBits = (int)flags;
                    PutPacket("OK");
                }

                break;
            case "qqemu.PhyMemMode":
                PutPacket(_physicalMemoryMode ? "1" : "0");
                break;
            case var _ when p.StartsWith("Qqemu.PhyMemMode:", StringComparison.Ordinal):
                if (!GdbHex.TryParse(p["Qqemu.PhyMemMode:".Length..], out var mode))
                {
                    PutPacket(string.Empty);
                    break;
                }

                _physicalMemoryMode = mode != 0;
                PutPacket("OK");
                break;
            default:
                // qOffsets, qTStatus, qSymbol, QStartNoAckMode (acks stay on, as in QEMU), ...: unsupported.
                PutPacket(string.Empty);
                break;
        }
    }

    private void HandleV(string p)
    {
        if (p == "vCont?")
        {
            PutPacket("vCont;c;C;s;S");
        }
        else if (p.StartsWith("vCont;", StringComparison.Ordinal))
        {
            VCont(p["vCont;".Length..]);
        }
        else if (p.StartsWith("vAttach;", StringComparison.Ordinal))
        {
            if (!GdbHex.TryParse(p["vAttach;".Length..], out var pid))
            {
                PutPacket(string.Empty);
                return;
            }

            var first = _threads.FirstOrDefault(t => (ulong)t.Pid == pid);
            if (first is null)
            {
                PutPacket("E22");
                return;
            }

            _attached.Add(first.Pid);
            _cCpu = _gCpu = first;
            PutPacket($"T05thread:{ThreadId(first)};");
        }
        else if (p.StartsWith("vKill;", StringComparison.Ordinal))
        {
            PutPacket("OK");
            Console.Error.WriteLine(TerminatedMessage);
            _machine.RequestQuit(0);
        }
        else
        {
            // vMustReplyEmpty and every other v packet.
            PutPacket(string.Empty);
        }
    }

    // gdb_handle_vcont: one action per thread; a step of one thread wins over continuing the others.
    private void VCont(string actions)
    {
        GdbThread? step = null;
        var run = false;
        foreach (var action in actions.Split(';'))
        {
            if (action.Length == 0 || action[0] is not ('c' or 'C' or 's' or 'S'))
            {
                PutPacket(string.Empty);
                return;
            }

            var colon = action.IndexOf(':', StringComparison.Ordinal);
            var signal = colon < 0 ? action[1..] : action[1..colon];
            if (action[0] is 'C' or 'S' ? !GdbHex.TryParse(signal, out _) : signal.Length != 0)
            {
                PutPacket("E22");
                return;
            }

            GdbThread? target = null;
            if (colon >= 0)
            {
                if (!TryParseThreadId(action[(colon + 1)..], out var kind, out var pid, out var tid))
                {
                    PutPacket("E22");
                    return;
                }

                if (kind == ThreadKind.One)
                {
                    target = FindThread(pid, tid);
                    if (target is null)
                    {
                        PutPacket("E22");
                        return;
                    }
                }
            }

            if (action[0] is 's' or 'S')
            {
                step ??= target ?? _cCpu;
            }
            else
            {
                run = true;
            }
        }

        if (step is not null)
        {
            StepThread(step);
        }
        else if (run)
        {
            _machine.Start();
        }
    }

    private void SetThread(string args)
    {
        if (args.Length < 2 || !TryParseThreadId(args[1..], out var kind, out var pid, out var tid))
        {
            PutPacket("E22");
            return;
        }

        if (kind != ThreadKind.One)
        {
            PutPacket("OK");
            return;
        }

        var thread = FindThread(pid, tid);
        if (thread is null)
        {
            PutPacket("E22");
            return;
        }

        switch (args[0])
        {
            case 'c':
                _cCpu = thread;
                PutPacket("OK");
                break;
            case 'g':
                _gCpu = thread;
                PutPacket("OK");
                break;
            default:
                PutPacket("E22");
                break;
        }
    }

    private void NextThreadInfo()
    {
        while (_queryIndex < _threads.Count && !_attached.Contains(_threads[_queryIndex].Pid))
        {
            _queryIndex++;
        }

        if (_queryIndex >= _threads.Count)
        {
            PutPacket("l");
            return;
        }

        PutPacket("m" + ThreadId(_threads[_queryIndex++]));
    }

    private void ThreadExtraInfo(string id)
    {
        if (!TryParseThreadId(id, out var kind, out var pid, out var tid) || kind != ThreadKind.One || FindThread(pid, tid) is not { } thread)
        {
            PutPacket("E22");
            return;
        }

        var cpu = thread.Cpu;
        var halted = cpu.PoweredOff || cpu.State is ArmCpuRunState.WaitingForInterrupt or ArmCpuRunState.WaitingForEvent;
        PutPacket(GdbHex.EncodeText($"CPU#{thread.Tid - 1} [{(halted ? "halted " : "running")}]"));
    }

    // qXfer:features:read:ANNEX:OFFSET,LENGTH → m<chunk> (more follows) or l<rest>; E00 for an unknown annex or an
    // offset past the end. A chunk is at most (MAX_PACKET_LENGTH - 5) / 2 bytes.
    private void ReadFeatures(string args)
    {
        var colon = args.LastIndexOf(':');
        var comma = args.LastIndexOf(',');
        if (colon < 0 || comma < colon || !GdbHex.TryParse(args[(colon + 1)..comma], out var offset)
            || !GdbHex.TryParse(args[(comma + 1)..], out var length))
        {
            PutPacket(string.Empty);
            return;
        }

        var text = Descriptions[_threads.IndexOf(_gCpu)].Find(args[..colon]);
        if (text is null || offset > (ulong)text.Length)
        {
            PutPacket("E00");
            return;
        }

        length = Math.Min(length, (GdbPacketReader.MaxPacketLength - 5) / 2);
        var remaining = (ulong)text.Length - offset;
        PutPacket(length < remaining ? "m" + text.Substring((int)offset, (int)length) : "l" + text[(int)offset..]);
    }

    // qRcmd: the hex-encoded line runs on this stub's own monitor; its output comes back as O packets, then OK.
    private void MonitorCommand(string hex)
    {
        if (hex.Length == 0)
        {
            PutPacket("E22");
            return;
        }

        if (!GdbHex.TryDecode(hex, out var data))
        {
            PutPacket("E01");
            return;
        }

        _inMonitorCommand = true;
        try
        {
            Monitor.Execute(Encoding.UTF8.GetString(data));
        }
        finally
        {
            _inMonitorCommand = false;
        }

        PutPacket("OK");
        if (_deferredExit is { } code)
        {
            _deferredExit = null;
            OnQuitRequested(code);
        }
    }

    private bool TryParseThreadId(string text, out ThreadKind kind, out ulong pid, out ulong tid)
    {
        kind = ThreadKind.One;
        pid = 1;
        tid = 0;
        var rest = text;
        if (rest.StartsWith('p'))
        {
            var dot = rest.IndexOf('.', StringComparison.Ordinal);
            if (dot < 0 || !TryParseId(rest[1..dot], out pid))
            {
                return false;
            }

            rest = rest[(dot + 1)..];
        }

        if (!TryParseId(rest, out tid))
        {
            return false;
        }

        kind = pid == ulong.MaxValue ? ThreadKind.AllProcesses : tid == ulong.MaxValue ? ThreadKind.AllThreads : ThreadKind.One;
        return true;
    }

    private static bool TryParseId(string text, out ulong value)
    {
        if (text == "-1")
        {
            value = ulong.MaxValue;
            return true;
        }

        return GdbHex.TryParse(text, out value);
    }

    // gdb_get_cpu: pid 0 = the first process, tid 0 = its first CPU; the process must be attached.
    private GdbThread? FindThread(ulong pid, ulong tid)
    {
        if (pid == 0)
        {
            pid = 1;
        }

        if (!_threads.Any(t => (ulong)t.Pid == pid && _attached.Contains(t.Pid)))
        {
            return null;
        }

        return tid == 0
            ? _threads.First(t => (ulong)t.Pid == pid)
            : _threads.FirstOrDefault(t => (ulong)t.Tid == tid && (ulong)t.Pid == pid);
    }
}
