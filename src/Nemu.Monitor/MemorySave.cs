// memsave and pmemsave as QEMU 7.2 implements them (softmmu/cpus.c qmp_memsave / qmp_pmemsave; HMP's hmp_memsave
// and hmp_pmemsave call the same functions, so both monitors use this one). The file is created first (mode 0666
// less the umask, truncated, as fopen("wb")): "Could not open 'F': <strerror>". The copy goes in QEMU's 1024-byte
// chunks; the address advances through the reader's address mask (a 32-bit CPU's view wraps past 4 GiB to 0, as
// cpu_memory_rw_debug's target_ulong translation does). A chunk the reader cannot read ends the copy with
// "Invalid addr 0x%016x/size N specified" naming the original address and size; the file keeps what was written.
// A short write is "An IO error has occurred". Reads go through the machine's memory API only.
using System.Globalization;
using Nemu.Core;
using Nemu.Core.Interop;
using Nemu.Memory;
using Nemu.Monitor.Hmp;

namespace Nemu.Monitor;

/// <summary>Copies guest memory into a host file in QEMU's memsave/pmemsave way.</summary>
public static class MemorySave
{
    private const int ChunkSize = 1024;
    private const int CreateMode = 0x1b6; // 0666, as fopen("wb") creates files

    /// <summary>
    /// Writes <paramref name="size"/> bytes read with <paramref name="read"/> from <paramref name="address"/> (wrapped by
    /// <paramref name="addressMask"/>) into <paramref name="filename"/>; null on success, else QEMU's error text.
    /// </summary>
    public static string? Save(string filename, ulong address, ulong size, ulong addressMask, MemoryDump.Reader read)
    {
        var fd = LibC.Open(filename, LibC.OWrOnly | LibC.OCreat | LibC.OTrunc | LibC.OCloExec, CreateMode);
        if (fd < 0)
        {
            return $"Could not open '{filename}': {Errno.LastText()}";
        }

        try
        {
            return Copy(fd, address, size, addressMask, read);
        }
        finally
        {
            LibC.Close(fd);
        }
    }

    /// <summary>QEMU's "Invalid addr" text for <paramref name="address"/> and <paramref name="size"/> as the command got them.</summary>
    public static string InvalidAddress(long address, long size) =>
        string.Create(CultureInfo.InvariantCulture, $"Invalid addr 0x{address:x16}/size {size} specified");

    /// <summary>
    /// cpu_physical_memory_read: reads what is mapped; unassigned bytes (or a range wrapping past 2^64) read as zero.
    /// </summary>
    public static void ReadPhysicalIgnoringErrors(AddressSpace space, ulong address, Span<byte> chunk)
    {
        chunk.Clear();
        if (space.ReadBuffer(new GuestAddress(address), chunk, MemTxAttrs.UnspecifiedAttrs) == MemTxResult.Ok)
        {
            return;
        }

        // Part of the chunk is unassigned: byte by byte, so mapped bytes keep their values.
        Span<byte> one = stackalloc byte[1];
        for (var i = 0; i < chunk.Length; i++)
        {
            one[0] = 0;
            space.ReadBuffer(new GuestAddress(unchecked(address + (ulong)i)), one, MemTxAttrs.UnspecifiedAttrs);
            chunk[i] = one[0];
        }
    }

    private static string? Copy(int fd, ulong address, ulong size, ulong mask, MemoryDump.Reader read)
    {
        Span<byte> buffer = stackalloc byte[ChunkSize];
        var at = address;
        for (var left = size; left > 0;)
        {
            var chunk = buffer[..(int)Math.Min(left, ChunkSize)];
            if (!ReadWrapped(at & mask, chunk, mask, read))
            {
                return InvalidAddress((long)address, (long)size);
            }

            if (!WriteAll(fd, chunk))
            {
                return "An IO error has occurred";
            }

            at += (ulong)chunk.Length;
            left -= (ulong)chunk.Length;
        }

        return null;
    }

    // Reads buffer at start, continuing at 0 past mask.
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
