// memsave and pmemsave as QEMU 7.2 runs them from HMP (monitor/hmp-cmds.c hmp_memsave/hmp_pmemsave over
// qmp_memsave/qmp_pmemsave; qemu-system-arm 7.2 observed). args_type "val:l,size:i,filename:s": the size is 32 bits.
// - memsave needs a CPU ("No CPU available") and reads through the current CPU's view with the address wrapped
//   to the target's width (target_ulong); the first 1024-byte chunk that touches unreadable memory ends the dump
//   with "Error: Invalid addr 0x%016llx/size %lld specified" (the file keeps the chunks written before it).
// - pmemsave reads guest physical memory ignoring errors (cpu_physical_memory_read): unassigned bytes are zeros.
// - The file is created (mode 0666 less the umask, truncated) before anything is read, so a failed dump leaves it
//   behind; an open failure is "Error: Could not open 'F': <strerror>", a short write "Error: An IO error has occurred".
// Reads and writes go in QEMU's 1024-byte chunks through the machine's memory API only (never outside guest memory).
// Not modelled: file names with bytes that are not UTF-8 (the monitor line is decoded byte per character).
using Nemu.Core.Interop;

namespace Nemu.Monitor.Hmp;

/// <summary>Handlers of <c>memsave</c> and <c>pmemsave</c>.</summary>
internal static class HmpMemorySave
{
    private const int ChunkSize = 1024;
    private const int CreateMode = 0x1b6; // 0666, as fopen("wb") creates files

    public static void MemSave(HmpSession session, HmpArguments args)
    {
        if (!session.Machine.HasCpu)
        {
            session.Print("No CPU available\n");
            return;
        }

        Save(session, args, physical: false);
    }

    public static void PMemSave(HmpSession session, HmpArguments args) => Save(session, args, physical: true);

    private static void Save(HmpSession session, HmpArguments args, bool physical)
    {
        var address = args.Integer("val");
        var size = (uint)args.Integer("size");
        var filename = args.String("filename")!;
        var fd = LibC.Open(filename, LibC.OWrOnly | LibC.OCreat | LibC.OTrunc | LibC.OCloExec, CreateMode);
        if (fd < 0)
        {
            session.Print($"Error: Could not open '{filename}': {Errno.LastText()}\n");
            return;
        }

        try
        {
            var error = Copy(session, fd, address, size, physical);
            if (error is not null)
            {
                session.Print($"Error: {error}\n");
            }
        }
        finally
        {
            LibC.Close(fd);
        }
    }

    private static string? Copy(HmpSession session, int fd, ulong address, uint size, bool physical)
    {
        var machine = session.Machine;
        Span<byte> buffer = stackalloc byte[ChunkSize];
        var mask = physical || machine.TargetBits >= 64 ? ulong.MaxValue : (1UL << machine.TargetBits) - 1;
        var at = address;
        for (var left = size; left > 0;)
        {
            var chunk = buffer[..(int)Math.Min(left, ChunkSize)];
            if (physical)
            {
                ReadWrapped(at & mask, chunk, mask, (a, b) =>
                {
                    machine.ReadPhysicalIgnoringErrors(a, b);
                    return true;
                });
            }
            else if (!ReadWrapped(at & mask, chunk, mask, session.ReadCurrentCpu))
            {
                return $"Invalid addr 0x{address:x16}/size {size} specified";
            }

            if (!WriteAll(fd, chunk))
            {
                return "An IO error has occurred";
            }

            at += (ulong)chunk.Length;
            left -= (uint)chunk.Length;
        }

        return null;
    }

    /// <summary>Reads <paramref name="buffer"/> at <paramref name="start"/>, continuing at 0 past <paramref name="mask"/>.</summary>
    private static bool ReadWrapped(ulong start, Span<byte> buffer, ulong mask, MemoryDump.Reader read)
    {
        var untilWrap = mask - start;
        if (untilWrap >= (ulong)(buffer.Length - 1))
        {
            return read(start, buffer);
        }

        var first = (int)untilWrap + 1;
        var ok = read(start, buffer[..first]);
        return read(0, buffer[first..]) && ok;
    }

    private static unsafe bool WriteAll(int fd, ReadOnlySpan<byte> data)
    {
        fixed (byte* start = data)
        {
            var done = 0;
            while (done < data.Length)
            {
                var n = LibC.Write(fd, start + done, (nuint)(data.Length - done));
                if (n < 0 && Errno.Last == Errno.EIntr)
                {
                    continue;
                }

                if (n <= 0)
                {
                    return false;
                }

                done += (int)n;
            }
        }

        return true;
    }
}
