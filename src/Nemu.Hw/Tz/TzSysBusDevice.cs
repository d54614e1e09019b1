// The memory system the TrustZone devices create their downstream address spaces in: the machine's (the
// MemorySystem qdev service the boards register) or, for a device made on its own (qdev tooling, unit tests,
// the state round trip), a private one, as HwSysBusDevice does for time.
using Nemu.Memory;
using Nemu.Qdev;

namespace Nemu.Hw.Tz;

/// <summary>Base of the devices that own address spaces (QEMU's address_space_init in a realize function).</summary>
public abstract class TzSysBusDevice : SysBusDevice
{
    /// <summary>The machine's memory system, or a private one outside a machine.</summary>
    protected MemorySystem ResolveMemory()
    {
        try
        {
            return GetService<MemorySystem>();
        }
        catch (QdevException)
        {
            return new MemorySystem();
        }
    }
}
