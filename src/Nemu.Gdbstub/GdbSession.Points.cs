// Z/z break- and watchpoints and `?`'s clean-up (QEMU gdbstub.c handle_insert_bp/handle_remove_bp,
// gdb_breakpoint_insert: every point goes on all CPUs; types 0/1 are both breakpoints, 2/3/4 write/read/access
// watchpoints of `kind` bytes; other types are unsupported → empty reply; removing a missing point → E22).
using Nemu.Core.Debug;

namespace Nemu.Gdbstub;

public sealed partial class GdbSession
{
    private void BreakOrWatch(bool insert, string args)
    {
        var parts = args.Split(',');
        if (parts.Length != 3)
        {
            PutPacket(parts.Length < 3 ? "E22" : string.Empty);
            return;
        }

        if (!GdbHex.TryParse(parts[0], out var type) || !GdbHex.TryParse(parts[1], out var address) || !GdbHex.TryParse(parts[2], out var kind))
        {
            PutPacket(string.Empty);
            return;
        }

        WatchpointKind? watch = type switch
        {
            2 => WatchpointKind.Write,
            3 => WatchpointKind.Read,
            4 => WatchpointKind.Access,
            _ => null,
        };
        if (type > 4)
        {
            PutPacket(string.Empty);
            return;
        }

        // QEMU inserts every break/watchpoint on all CPUs.
        var ok = true;
        foreach (var thread in _threads)
        {
            if (watch is { } w)
            {
                if (insert)
                {
                    thread.Cpu.AddWatchpoint(address, kind, w);
                }
                else
                {
                    ok &= thread.Cpu.RemoveWatchpoint(address, kind, w);
                }
            }
            else if (insert)
            {
                thread.Cpu.AddBreakpoint(address);
            }
            else
            {
                ok &= thread.Cpu.RemoveBreakpoint(address);
            }
        }

        PutPacket(ok ? "OK" : "E22");
    }

    private void RemoveAllPoints()
    {
        foreach (var thread in _threads)
        {
            thread.Cpu.RemoveAllBreakpointsAndWatchpoints();
        }
    }
}
