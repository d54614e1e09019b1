/*
 * §9 behaviour 76 (mprofile.md §6.1 boot and reset): at reset the core loads SP from [VTOR] & ~3 and PC from
 * [VTOR + 4] & ~1 (VTOR = 0), sets LR to 0xFFFFFFFF and starts in privileged Thread mode on MSP with PRIMASK (and on
 * v7-M FAULTMASK, BASEPRI) clear; -kernel ignores the ELF entry point. Built with b76_start.S instead of mp_start.S:
 * it records LR, SP, PC and VTOR as its first instructions and the ELF entry is a decoy that exits with status 76.
 */
#include "mp.h"

extern uint32_t __stack_top;
extern char b76_reset[];
/* The ROM vector table of b76_start.S, linked at address 0 where the core reads it at reset. */
extern const volatile uint32_t __vectors[];

int b76_main(uint32_t lr, uint32_t sp, uint32_t pc, uint32_t vtor)
{
    const volatile uint32_t *rom = __vectors;
    mp_kv("b76 lr", lr);
    mp_kv("sp", sp);
    mp_kv("sp_is_vector0_aligned", sp == (rom[0] & ~3u) && rom[0] != sp);
    mp_kv("reset_vector", rom[1]);
    mp_kv("pc_is_vector1", pc - 8 == (rom[1] & ~1u) && pc - 8 == ((uint32_t)b76_reset & ~1u));
    mp_kv("rom_at_0", (uint32_t)rom);
    mp_kv("vtor", vtor);
    mp_end_line();
    mp_kv("b76 ipsr", mp_ipsr());
    mp_kv("control", mp_control());
    mp_kv("primask", mp_primask());
#if __ARM_ARCH_7M__ || __ARM_ARCH_7EM__
    mp_kv("faultmask", mp_faultmask());
    mp_kv("basepri", mp_basepri());
#endif
    mp_end_line();
    return 0;
}
