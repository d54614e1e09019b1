// QEMU's IDAUInterface (include/hw/arm/idau.h; Armv8-M ARM B8.1 "Implementation Defined Attribution Unit";
// mprofile.md §5.5): the board's fixed security map, merged with the SAU by the attribution lookup.
namespace Nemu.Arm.Exceptions;

/// <summary>An implementation-defined attribution unit, implemented by a board (e.g. the SSE-200 bit-28 rule).</summary>
public interface IIdau
{
    /// <summary>
    /// Attribution of <paramref name="address"/>: its IDAU region number (-1 = none), whether it is exempt from
    /// attribution checks, whether it is Non-secure, and whether it is Non-secure-callable.
    /// </summary>
    void Check(uint address, out int iregion, out bool exempt, out bool ns, out bool nsc);
}
