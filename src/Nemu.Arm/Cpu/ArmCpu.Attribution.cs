// Security attribution of CPU accesses (Armv8-M ARM B8.2 SecurityCheck; mprofile.md §5.5): the SAU of this core
// and the board's IDAU. Not modelled yet: attribution of data accesses and fetches (every access uses the CPU's
// own security state).
using Nemu.Arm.Exceptions;

namespace Nemu.Arm.Cpu;

/// <summary>SAU/IDAU attribution.</summary>
public sealed partial class ArmCpu
{
    private Sau? _sau;

    /// <summary>The core's SAU (zero regions on cores without the Security Extension).</summary>
    public Sau Sau => _sau ??= new Sau(Model.SauRegions);

    /// <summary>The board's IDAU (QEMU's "idau" link of armv7m); null = none.</summary>
    public IIdau? Idau { get; set; }

    /// <summary>The security attribution of <paramref name="address"/> for a data access or a fetch.</summary>
    public SecurityAttributes SecurityLookup(uint address, bool fetch) => Sau.Lookup(address, fetch, Secure, Idau);

    /// <summary>The attribution of <paramref name="address"/> for an access made in the given security state.</summary>
    internal SecurityAttributes SecurityLookupFor(uint address, bool secure, bool fetch) => Sau.Lookup(address, fetch, secure, Idau);
}
