// The SAU and SecureFault status rows of the SCS (Armv8-M ARM D1.2 SAU_CTRL 0xDD0, SAU_TYPE 0xDD4, SAU_RNR 0xDD8,
// SAU_RBAR 0xDDC, SAU_RLAR 0xDE0, SFSR 0xDE4, SFAR 0xDE8; mprofile.md §4.4, §5.5).
// Not modelled yet: every row (the offsets stay bad offsets, as on cores without the Security Extension).
using Nemu.Arm.Exceptions;
using Nemu.Qdev.Registers;

namespace Nemu.Arm.Devices;

/// <summary>SAU register block of the SCS.</summary>
public sealed partial class ScsRegisters
{
    private static void AddSauRegisters(RegisterTableBuilder<Nvic> b) => _ = b;
}
