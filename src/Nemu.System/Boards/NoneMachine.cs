using Nemu.System.Vl;

namespace Nemu.System.Boards;

/// <summary>
/// QEMU's <c>none</c> machine ("empty machine", hw/core/null-machine.c): no CPU unless asked for, and the RAM
/// of <c>-m</c> / <c>memory-backend=</c>, if any, mapped at address 0. Useful for loaders, monitors and
/// memory-map tests.
/// </summary>
public static class NoneMachine
{
    public static MachineType Type { get; } = new("none", "empty machine", Init) { NoSerial = true, NoParallel = true };

    private static void Init(Machine machine)
    {
        if (machine.KernelFilename is not null)
        {
            throw new VlException("The -kernel parameter is not supported (use the generic 'loader' device instead).");
        }

        if (machine.Ram is not null)
        {
            machine.SystemMemory.AddSubregion(0, machine.Ram);
        }
    }
}
