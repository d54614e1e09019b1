/*
 * §9 behaviour 38 (mprofile.md §3 exception return, Armv7-M ARM B1.5.8 PopStack): the return pops the frame and ORs
 * 4 into the SP when bit 9 (SPREALIGN) of the STACKED xPSR is set, so an exception taken with SP = 4 mod 8 (padded
 * frame) returns to the original SP. The return honours the stacked bit, not the entry alignment: a handler that
 * sets bit 9 in a frame pushed from an 8-aligned SP makes the thread resume 4 bytes higher, one that clears it in a
 * padded frame makes the thread resume 4 bytes lower. Reports after-return SP minus before-entry SP per case.
 */
#include "mp.h"

volatile uint32_t xpsr_toggle, entry_xpsr_bit9;

/* SVC handler: records stacked xPSR bit 9, then flips it by xpsr_toggle (0 or 1 << 9). */
__attribute__((naked)) static void svc_handler(void)
{
    __asm volatile(
        ".syntax unified\n"
        "mrs r0, msp\n"
        "ldr r2, [r0, #28]\n"
        "lsrs r3, r2, #9\n"
        "movs r1, #1\n"
        "ands r3, r1\n"
        "ldr r1, =entry_xpsr_bit9\n"
        "str r3, [r1]\n"
        "ldr r1, =xpsr_toggle\n"
        "ldr r1, [r1]\n"
        "eors r2, r1\n"
        "str r2, [r0, #28]\n"
        "bx lr\n");
}

/* Runs SVC with SP = (8-aligned base) - misalign and returns SP after the return minus SP before the SVC. */
__attribute__((noinline)) static uint32_t svc_with_sp(uint32_t misalign)
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
        "svc #38\n"
        "mov %[a], sp\n"
        "mov sp, r12\n"
        : [b] "=&l"(b), [a] "=&l"(after)
        : [m] "l"(misalign)
        : "r2", "r3", "r12", "memory");
    return after - b;
}

static void run(const char *name, uint32_t misalign, uint32_t toggle)
{
    xpsr_toggle = toggle;
    uint32_t delta = svc_with_sp(misalign);
    mp_kv(name, misalign);
    mp_kv("toggle_bit9", toggle != 0);
    mp_kv("stacked_bit9", entry_xpsr_bit9);
    mp_kv("sp_delta", delta);
    mp_end_line();
}

int main(void)
{
    mp_set_handler(EXC_SVC, svc_handler);
    run("b38 misalign", 4, 0);
    run("b38 misalign", 0, 0);
    run("b38 misalign", 0, 1u << 9);
    run("b38 misalign", 4, 1u << 9);
    return 0;
}
