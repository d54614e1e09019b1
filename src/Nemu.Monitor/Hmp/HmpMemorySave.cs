// memsave and pmemsave from HMP (monitor/hmp-cmds.c hmp_memsave/hmp_pmemsave over qmp_memsave/qmp_pmemsave; the copy
// itself is MemorySave, shared with QMP). args_type "val:l,size:i,filename:s": the size is 32 bits.
// - memsave needs a CPU ("No CPU available") and reads through the current CPU's view with the address wrapped
//   to the target's width (target_ulong); an unreadable chunk ends the dump with "Error: Invalid addr ...".
// - pmemsave reads guest physical memory ignoring errors (cpu_physical_memory_read): unassigned bytes are zeros.
// Not modelled: file names with bytes that are not UTF-8 (the monitor line is decoded byte per character).
namespace Nemu.Monitor.Hmp;

/// <summary>Handlers of <c>memsave</c> and <c>pmemsave</c>.</summary>
internal static class HmpMemorySave
{
    public static void MemSave(HmpSession session, HmpArguments args)
    {
        if (!session.Machine.HasCpu)
        {
            session.Print("No CPU available\n");
            return;
        }

        var bits = session.Machine.TargetBits;
        Save(session, args, bits >= 64 ? ulong.MaxValue : (1UL << bits) - 1, session.ReadCurrentCpu);
    }

    public static void PMemSave(HmpSession session, HmpArguments args)
    {
        var machine = session.Machine;
        Save(session, args, ulong.MaxValue, (address, buffer) =>
        {
            machine.ReadPhysicalIgnoringErrors(address, buffer);
            return true;
        });
    }

    private static void Save(HmpSession session, HmpArguments args, ulong mask, MemoryDump.Reader read)
    {
        var error = MemorySave.Save(args.String("filename")!, args.Integer("val"), (uint)args.Integer("size"), mask, read);
        if (error is not null)
        {
            session.Print($"Error: {error}\n");
        }
    }
}
