// QEMU's V8M_SAttributes (target/arm/internals.h; Armv8-M ARM B8.2 SecurityCheck, mprofile.md §5.5): the result
// of the SAU+IDAU lookup for one address.
namespace Nemu.Arm.Exceptions;

/// <summary>
/// Security attribution of an address: Non-secure, Non-secure-callable, the SAU region (valid flag) and the IDAU
/// region (valid flag), and whether a region boundary falls inside the address's 1 KiB page.
/// </summary>
public readonly record struct SecurityAttributes(bool Ns, bool Nsc, byte SRegion, bool SrValid, byte IRegion, bool IrValid, bool SubPage);
