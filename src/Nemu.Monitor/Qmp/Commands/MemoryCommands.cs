// Implements QMP memsave and pmemsave of QEMU 7.2 (softmmu/cpus.c qmp_memsave / qmp_pmemsave). The file is opened
// (created or truncated) first: "Could not open 'PATH': <strerror>". memsave reads through the CPU's view
// (cpu_memory_rw_debug on a 32-bit target: the address is truncated to 32 bits, and a chunk that is not readable
// fails the command with "Invalid addr 0x%016x/size N specified" naming the original address and size, leaving
// what was written so far, as QEMU does). pmemsave reads the system address space (cpu_physical_memory_read), where
// unassigned memory reads as zeros and never fails. Both copy in 1 KiB chunks, so a huge size never allocates more.
// Deviation: a negative size is refused with the "Invalid addr" error (QEMU 7.2 loops on it until it crashes).
using System.Globalization;
using Nemu.Core;
using Nemu.Monitor.Qmp.Json;
using Nemu.Monitor.Qmp.Schema;

namespace Nemu.Monitor.Qmp.Commands;

/// <summary>The QMP commands: memsave, pmemsave (piece C).</summary>
public static class MemoryCommands
{
    private const int ChunkSize = 1024;

    /// <summary>The command records of this group.</summary>
    public static IEnumerable<QmpCommand> All() =>
    [
        new("memsave",
            QmpTypes.Arguments("memsave", new("val", QmpTypes.Int), new("size", QmpTypes.Int), new("filename", QmpTypes.Str), new("cpu-index", QmpTypes.Int, true)),
            QmpTypes.Empty,
            MemSave),
        new("pmemsave",
            QmpTypes.Arguments("pmemsave", new("val", QmpTypes.Int), new("size", QmpTypes.Int), new("filename", QmpTypes.Str)),
            QmpTypes.Empty,
            PmemSave),
    ];

    private static JsonValue MemSave(QmpContext context, JsonObject args)
    {
        var address = QmpTypes.Integer(args, "val");
        var size = QmpTypes.Integer(args, "size");
        var filename = QmpTypes.String(args, "filename");
        var cpu = MachineCpus.DebugTarget(context.Machine, QmpTypes.OptionalInteger(args, "cpu-index") ?? 0);
        using var file = Open(filename);
        if (size < 0)
        {
            throw InvalidAddress(address, size);
        }

        Span<byte> buffer = stackalloc byte[ChunkSize];
        var remaining = size;
        var current = (uint)address;
        while (remaining > 0)
        {
            var length = (int)Math.Min(remaining, ChunkSize);
            var chunk = buffer[..length];
            chunk.Clear();

            // The CPU's virtual address space is 32 bits; a chunk that would wrap past 4 GiB is not readable.
            if ((ulong)current + (ulong)length > 1UL << 32 || !cpu.ReadMemory(current, chunk))
            {
                throw InvalidAddress(address, size);
            }

            file.Write(chunk);
            remaining -= length;
            current += (uint)length;
        }

        return new JsonObject();
    }

    private static JsonValue PmemSave(QmpContext context, JsonObject args)
    {
        var address = QmpTypes.Integer(args, "val");
        var size = QmpTypes.Integer(args, "size");
        var filename = QmpTypes.String(args, "filename");
        using var file = Open(filename);
        if (size < 0)
        {
            throw InvalidAddress(address, size);
        }

        Span<byte> buffer = stackalloc byte[ChunkSize];
        var remaining = size;
        var current = (ulong)address;
        var space = context.Machine.AddressSpaceMemory;
        while (remaining > 0)
        {
            var length = (int)Math.Min(remaining, ChunkSize);
            var chunk = buffer[..length];
            ReadPhysical(space, current, chunk);
            file.Write(chunk);
            remaining -= length;
            current += (ulong)length;
        }

        return new JsonObject();
    }

    /// <summary>Reads what is readable; unassigned bytes (or a range wrapping past 2^64) stay zero.</summary>
    private static void ReadPhysical(Memory.AddressSpace space, ulong address, Span<byte> chunk)
    {
        chunk.Clear();
        if (space.ReadBuffer(new GuestAddress(address), chunk, MemTxAttrs.UnspecifiedAttrs) == MemTxResult.Ok)
        {
            return;
        }

        // Part of the chunk is unassigned: retry byte by byte so mapped bytes keep their values.
        Span<byte> one = stackalloc byte[1];
        for (var i = 0; i < chunk.Length; i++)
        {
            one[0] = 0;
            space.ReadBuffer(new GuestAddress(unchecked(address + (ulong)i)), one, MemTxAttrs.UnspecifiedAttrs);
            chunk[i] = one[0];
        }
    }

    private static FileStream Open(string filename)
    {
        try
        {
            return new FileStream(filename, FileMode.Create, FileAccess.Write, FileShare.ReadWrite);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new QmpException($"Could not open '{filename}': {Strerror(e)}");
        }
    }

    /// <summary>The strerror text QEMU's error_setg_file_open prints for the failure.</summary>
    private static string Strerror(Exception e) => e switch
    {
        DirectoryNotFoundException => "No such file or directory",
        FileNotFoundException => "No such file or directory",
        UnauthorizedAccessException => "Permission denied",
        PathTooLongException => "File name too long",
        ArgumentException => "No such file or directory",
        _ => "Input/output error",
    };

    private static QmpException InvalidAddress(long address, long size) =>
        new(string.Create(CultureInfo.InvariantCulture, $"Invalid addr 0x{address:x16}/size {size} specified"));
}
