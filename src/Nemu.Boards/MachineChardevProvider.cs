// The chardev lookup devices use at realize (qemu_chr_fe_init on a chardev property), over the machine's chardevs.
using Nemu.Chardevs;
using Nemu.Hw.Misc;
using Nemu.System;

namespace Nemu.Boards;

/// <summary>Finds chardevs by id in <see cref="Machine.Chardevs"/>.</summary>
internal sealed class MachineChardevProvider(Machine machine) : IChardevProvider
{
    public Chardev? FindChardev(string id) => machine.Chardevs.Find(id);
}
