// Packet handlers for run control, registers, memory and break/watchpoints (QEMU gdbstub.c gdb_gen_cmd_table and
// its handle_* functions; management.md §5.2). Parameter rules as QEMU's cmd_parse_params: a number that does not
// parse makes the reply empty, a missing parameter gives E22; bad memory or register access gives E14.
using Nemu.Core.Debug;
using Nemu.System;

namespace Nemu.Gdbstub;

public sealed partial class GdbSession
{
    private const int MaxMemoryLength = GdbPacketReader.MaxPacketLength / 2;

    // QEMU's error_report text for k / vKill, with Nemu's program name as the prefix.
    private const string TerminatedMessage = "nemu-system-arm: QEMU: Terminated via GDBstub";

    private void HandlePacket(string p)
    {
        if (p.Length == 0)
        {
            PutPacket(string.Empty);
            return;
        }

        var args = p[1..];
        switch (p[0])
        {
            case '?':
                PutPacket($"T05thread:{ThreadId(_cCpu)};");
                RemoveAllPoints();
                break;
            case 'c':
                Continue(args);
                break;
            case 's':
                StepCommand(args);
                break;
            case 'g':
                ReadAllRegisters();
                break;
            case 'G':
                WriteAllRegisters(args);
                break;
            case 'p':
                ReadRegister(args);
                break;
            case 'P':
                WriteRegister(args);
                break;
            case 'm':
                ReadMemory(args);
                break;
            case 'M':
                WriteMemory(args);
                break;
            case 'Z':
            case 'z':
                BreakOrWatch(insert: p[0] == 'Z', args);
                break;
            case 'H':
                SetThread(args);
                break;
            case 'T':
                PutPacket(TryParseThreadId(args, out var kind, out var pid, out var tid) && (kind != ThreadKind.One || FindThread(pid, tid) is not null)
                    ? "OK" : "E22");
                break;
            case 'D':
                Detach(args);
                break;
            case 'k':
                Console.Error.WriteLine(TerminatedMessage);
                _machine.RequestQuit(0);
                break;
            case 'q':
            case 'Q':
                HandleQuery(p);
                break;
            case 'v':
                HandleV(p);
                break;
            default:
                // X (binary write) is not implemented by QEMU either: gdb falls back to M.
                PutPacket(string.Empty);
                break;
        }
    }

    private void Continue(string args)
    {
        if (args.Length > 0)
        {
            if (!GdbHex.TryParse(args, out var pc))
            {
                PutPacket(string.Empty);
                return;
            }

            _cCpu.Cpu.TryWriteDebugRegister("pc", pc);
        }

        _machine.Start();
    }

    private void StepCommand(string args)
    {
        if (args.Length > 0)
        {
            if (!GdbHex.TryParse(args, out var pc))
            {
                PutPacket(string.Empty);
                return;
            }

            _cCpu.Cpu.TryWriteDebugRegister("pc", pc);
        }

        StepThread(_cCpu);
    }

    private void StepThread(GdbThread thread)
    {
        if ((StepFlagBits & 1) == 0)
        {
            _machine.Start();
            return;
        }

        var flags = ((StepFlagBits & 2) != 0 ? StepFlags.NoIrq : 0) | ((StepFlagBits & 4) != 0 ? StepFlags.NoTimer : 0);
        DebugStop stop;
        _stepping = true;
        try
        {
            stop = thread.Cpu.Step(flags);
        }
        finally
        {
            _stepping = false;
        }

        _machine.Stop(RunState.Debug);
        _cCpu = thread;
        PutPacket(StopReply(5, thread, stop));
    }

    private void ReadAllRegisters()
    {
        var hex = new global::System.Text.StringBuilder();
        foreach (var register in _gCpu.Registers.GRegisters)
        {
            _gCpu.Cpu.TryReadDebugRegister(register.Name, out var value);
            hex.Append(LittleEndianHex(value, register.Bytes));
        }

        PutPacket(hex.ToString());
    }

    private void WriteAllRegisters(string args)
    {
        if (args.Length == 0)
        {
            PutPacket("E22");
            return;
        }

        if (!GdbHex.TryDecode(args.Length % 2 == 0 ? args : args[..^1], out var data))
        {
            PutPacket(string.Empty);
            return;
        }

        var offset = 0;
        foreach (var register in _gCpu.Registers.GRegisters)
        {
            if (offset + register.Bytes > data.Length)
            {
                break;
            }

            _gCpu.Cpu.TryWriteDebugRegister(register.Name, FromLittleEndian(data.AsSpan(offset, register.Bytes)));
            offset += register.Bytes;
        }

        PutPacket("OK");
    }

    private void ReadRegister(string args)
    {
        if (!GdbHex.TryParse(args, out var regnum))
        {
            PutPacket(args.Length == 0 ? "E22" : string.Empty);
            return;
        }

        if (_gCpu.Registers.Find(regnum) is not { } register || !_gCpu.Cpu.TryReadDebugRegister(register.Name, out var value))
        {
            PutPacket("E14");
            return;
        }

        PutPacket(LittleEndianHex(value, register.Bytes));
    }

    private void WriteRegister(string args)
    {
        var eq = args.IndexOf('=', StringComparison.Ordinal);
        if (eq < 0)
        {
            PutPacket(args.Length == 0 ? "E22" : string.Empty);
            return;
        }

        if (!GdbHex.TryParse(args[..eq], out var regnum))
        {
            PutPacket(string.Empty);
            return;
        }

        var hex = args[(eq + 1)..];
        if (GdbHex.TryDecode(hex.Length % 2 == 0 ? hex : hex[..^1], out var data)
            && _gCpu.Registers.Find(regnum) is { Writable: true } register && data.Length >= register.Bytes)
        {
            _gCpu.Cpu.TryWriteDebugRegister(register.Name, FromLittleEndian(data.AsSpan(0, register.Bytes)));
        }

        // QEMU answers OK whatever the register (system registers and unknown numbers are ignored).
        PutPacket("OK");
    }

    private void ReadMemory(string args)
    {
        if (!TryParseAddressLength(args, out var address, out var length, out var rest) || rest is not null)
        {
            return;
        }

        if (length > MaxMemoryLength)
        {
            PutPacket("E22");
            return;
        }

        var buffer = new byte[length];
        PutPacket(InGuestRange(address, length) && _gCpu.Cpu.ReadMemory(address, buffer) ? GdbHex.Encode(buffer) : "E14");
    }

    private void WriteMemory(string args)
    {
        if (!TryParseAddressLength(args, out var address, out var length, out var hex) || hex is null)
        {
            return;
        }

        if (length > (ulong)hex.Length / 2)
        {
            PutPacket("E14");
            return;
        }

        if (!GdbHex.TryDecode(hex[..(int)(length * 2)], out var data))
        {
            PutPacket(string.Empty);
            return;
        }

        PutPacket(InGuestRange(address, length) && _gCpu.Cpu.WriteMemory(address, data) ? "OK" : "E14");
    }

    // "ADDR,LEN" or "ADDR,LEN:DATA": false after replying (empty for a bad number, E22 for a missing one).
    private bool TryParseAddressLength(string args, out ulong address, out ulong length, out string? rest)
    {
        address = length = 0;
        rest = null;
        var colon = args.IndexOf(':', StringComparison.Ordinal);
        var head = colon < 0 ? args : args[..colon];
        if (colon >= 0)
        {
            rest = args[(colon + 1)..];
        }

        var parts = head.Split(',');
        if (parts.Length < 2)
        {
            if (parts[0].Length > 0 && !GdbHex.TryParse(parts[0], out _))
            {
                PutPacket(string.Empty);
                return false;
            }

            PutPacket("E22");
            return false;
        }

        if (parts.Length > 2 || !GdbHex.TryParse(parts[0], out address) || !GdbHex.TryParse(parts[1], out length))
        {
            PutPacket(string.Empty);
            return false;
        }

        return true;
    }

    private static bool InGuestRange(ulong address, ulong length) => address <= uint.MaxValue && length <= (ulong)uint.MaxValue + 1 - address;

    private void Detach(string args)
    {
        var pid = 1UL;
        if (_multiprocess)
        {
            if (!args.StartsWith(';') || !GdbHex.TryParse(args[1..], out pid))
            {
                PutPacket(args.Length == 0 ? "E22" : string.Empty);
                return;
            }
        }

        foreach (var thread in _threads.Where(t => (ulong)t.Pid == pid))
        {
            thread.Cpu.RemoveAllBreakpointsAndWatchpoints();
        }

        _attached.Remove((int)Math.Min(pid, int.MaxValue));
        var first = _threads.FirstOrDefault(t => _attached.Contains(t.Pid));
        if (first is null)
        {
            // No process attached any more: the VM runs on (gdb_continue).
            if (_machine.State is not (RunState.Shutdown or RunState.InternalError or RunState.GuestPanicked))
            {
                _machine.Start();
            }
        }
        else
        {
            if ((ulong)_cCpu.Pid == pid)
            {
                _cCpu = first;
            }

            if ((ulong)_gCpu.Pid == pid)
            {
                _gCpu = first;
            }
        }

        PutPacket("OK");
    }

    private static string LittleEndianHex(ulong value, int bytes)
    {
        Span<byte> buffer = stackalloc byte[8];
        global::System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(buffer, value);
        return GdbHex.Encode(buffer[..bytes]);
    }

    private static ulong FromLittleEndian(ReadOnlySpan<byte> data)
    {
        Span<byte> buffer = stackalloc byte[8];
        data.CopyTo(buffer);
        return global::System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(buffer);
    }
}
