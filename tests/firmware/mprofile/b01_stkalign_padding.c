/*
 * §9 behaviour 1 (mprofile.md §2.2 PushStack, Armv7-M ARM B1.5.7): with CCR.STKALIGN set and SP = 4 mod 8,
 * exception entry pads the frame (frame at SP-0x24), sets bit 9 of the stacked xPSR, and the return restores
 * the original SP. Reports the padding, the stacked xPSR bit 9 and the SP after return, for SP = 4 and 0 mod 8.
 */
#include "mp.h"

volatile uint32_t entry_sp, stacked_xpsr;

__attribute__((naked)) static void svc_handler(void)
{
    __asm volatile(
        "mrs r0, msp\n"
        "ldr r1, =entry_sp\n"
        "str r0, [r1]\n"
        "ldr r2, [r0, #28]\n"
        "ldr r1, =stacked_xpsr\n"
        "str r2, [r1]\n"
        "bx lr\n");
}

/* Runs SVC with SP = base - misalign and returns the SP seen after the return. */
__attribute__((noinline)) static uint32_t svc_with_sp(uint32_t misalign, uint32_t *before)
{
    uint32_t b, after;
    __asm volatile(
        ".syntax unified\n"
        "mov r3, sp\n"
        "mov r12, r3\n"
        "movs r2, #7\n"
        "bics r3, r2\n"
        "subs r3, r3, #16\n"
        "subs r3, r3, %[m]\n"
        "mov sp, r3\n"
        "mov %[b], r3\n"
        "svc #0\n"
        "mov %[a], sp\n"
        "mov sp, r12\n"
        : [b] "=&l"(b), [a] "=&l"(after)
        : [m] "l"(misalign)
        : "r2", "r3", "r12", "memory");
    *before = b;
    return after;
}

int main(void)
{
    mp_set_handler(EXC_SVC, svc_handler);
    for (uint32_t m = 0; m <= 4; m += 4) {
        uint32_t before;
        uint32_t after = svc_with_sp(m, &before);
        mp_kv("b01 misalign", m);
        mp_kv("frame_offset", before - entry_sp);
        mp_kv("xpsr_bit9", (stacked_xpsr >> 9) & 1);
        mp_kv("sp_restored", after == before);
        mp_end_line();
    }
    return 0;
}
