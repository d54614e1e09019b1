using Nemu.Memory;
using Nemu.Options.CommandLine;

namespace Nemu.System.Vl;

/// <summary>
/// Creates the machine's main RAM as QEMU's machine_run_board_init does: from <c>-machine memory-backend=ID</c>
/// (whose size must agree with <c>-m</c> when both are given), or a private anonymous backend of <c>-m</c>'s
/// size (or the board's default) named after the board's default RAM id.
/// </summary>
public static class RamSetup
{
    public static void Create(Machine machine, QemuCommandLine commandLine, HostObjects objects)
    {
        var backendId = commandLine.Machine?.Get("memory-backend");
        var requested = commandLine.Memory?.Size;
        if (backendId is not null)
        {
            var backend = objects.TakeForMachine(backendId);
            if (requested is { } size && size != backend.Size)
            {
                throw new VlException("Machine memory size does not match the size of the memory backend");
            }

            machine.Ram = MemoryRegion.CreateRam(backendId, backend);
            return;
        }

        var ramSize = requested ?? machine.Type.DefaultRamSize;
        if (ramSize == 0)
        {
            return;
        }

        try
        {
            machine.Ram = MemoryRegion.CreateRam(machine.Type.DefaultRamId, ramSize);
        }
        catch (InvalidOperationException e)
        {
            throw new VlException($"cannot set up guest memory '{machine.Type.DefaultRamId}': {e.Message}");
        }
    }
}
