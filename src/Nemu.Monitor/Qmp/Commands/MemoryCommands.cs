// Implements QMP memsave and pmemsave of QEMU 7.2 (softmmu/cpus.c qmp_memsave / qmp_pmemsave) over MemorySave, the
// copy HMP uses too. memsave reads through the CPU's view (cpu_memory_rw_debug on a 32-bit target: the address wraps
// at 32 bits; an unreadable chunk fails the command with "Invalid addr 0x%016x/size N specified"); pmemsave reads
// the system address space (cpu_physical_memory_read), where unassigned memory reads as zeros and never fails.
// Deviation: a negative size is refused with the "Invalid addr" error (QEMU 7.2 loops on it until it crashes).
using Nemu.Monitor.Qmp.Json;
using Nemu.Monitor.Qmp.Schema;

namespace Nemu.Monitor.Qmp.Commands;

/// <summary>The QMP commands: memsave, pmemsave (piece C).</summary>
public static class MemoryCommands
{
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
        return Save(filename, address, size, uint.MaxValue, cpu.ReadMemory);
    }

    private static JsonValue PmemSave(QmpContext context, JsonObject args)
    {
        var address = QmpTypes.Integer(args, "val");
        var size = QmpTypes.Integer(args, "size");
        var filename = QmpTypes.String(args, "filename");
        var space = context.Machine.AddressSpaceMemory;
        return Save(filename, address, size, ulong.MaxValue, (at, chunk) =>
        {
            MemorySave.ReadPhysicalIgnoringErrors(space, at, chunk);
            return true;
        });
    }

    private static JsonObject Save(string filename, long address, long size, ulong mask, Hmp.MemoryDump.Reader read)
    {
        // A negative size: the file is created, then the command fails (QEMU 7.2 loops on it until it crashes).
        var error = MemorySave.Save(filename, (ulong)address, size < 0 ? 0 : (ulong)size, mask, read);
        if (error is null && size < 0)
        {
            error = MemorySave.InvalidAddress(address, size);
        }

        return error is null ? new JsonObject() : throw new QmpException(error);
    }
}
