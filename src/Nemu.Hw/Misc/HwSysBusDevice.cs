// Implements: what the M-profile devices need from their machine at realize: the virtual clock's timers
// (QEMU's global QEMU_CLOCK_VIRTUAL) and chardev backends (qemu_chr_fe_init).
using Nemu.Chardevs;
using Nemu.Core.Time;
using Nemu.Qdev;

namespace Nemu.Hw.Misc;

/// <summary>
/// Base of this project's sysbus devices that use machine time or a chardev. A device made outside a
/// machine (qdev tooling, the state round trip) gets a stopped manual clock of its own, as under qtest.
/// </summary>
public abstract class HwSysBusDevice : SysBusDevice
{
    private MachineTime? _time;

    /// <summary>The machine's time (the <see cref="MachineTime"/> service), resolved on first use.</summary>
    protected MachineTime Time => _time ??= ResolveTime();

    /// <summary>The chardev named by a <c>chardev</c> property, or null when the property is empty.</summary>
    protected Chardev? ResolveChardev(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }

        return GetService<IChardevProvider>().FindChardev(id)
            ?? throw new QdevException($"Property '{Type.Name}.chardev' can't find value '{id}'");
    }

    private MachineTime ResolveTime()
    {
        try
        {
            return GetService<MachineTime>();
        }
        catch (QdevException)
        {
            return MachineTime.CreateManual();
        }
    }
}
