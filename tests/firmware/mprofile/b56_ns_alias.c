/*
 * §9 behaviour 56 (mprofile.md §4.4; Armv8-M ARM D1.1 "System Control Space", the NS alias at 0xE002E000): a
 * Secure access through the alias reaches the Non-secure bank of the real register (VTOR_NS, AIRCR PRIGROUP_NS); a
 * privileged Non-secure access to the alias reads as zero and ignores writes; an unprivileged Non-secure access is a
 * BusFault (PRECISERR, BFAR = the address), taken here to the Secure BusFault handler, which skips the load.
 */
#include "tz.h"

volatile uint32_t bf_count, bf_cfsr, bf_bfar, bf_lr;

/* NS: r1 = address; a 16-bit load the BusFault handler steps over; returns what was loaded (or the marker). */
__attribute__((naked)) TZ_NS_FN uint32_t ns_load(uint32_t address)
{
    __asm volatile(
        "mov r1, r0\n"
        "ldr r0, =0xBAD0BAD0\n"
        "ldr r0, [r1]\n"
        "bx lr\n"
        ".ltorg\n");
}

/* NS: writes the alias's VTOR (Non-secure bank seen from NS: RAZ/WI) and returns its read-back. */
TZ_NS_FN uint32_t ns_store_vtor(uint32_t value)
{
    REG32(0xE002ED08) = value;
    return REG32(0xE002ED08);
}

void bf_c(uint32_t exc_return)
{
    bf_count++;
    bf_lr = exc_return;
    bf_cfsr = SCB_CFSR;
    bf_bfar = SCB_BFAR;
    SCB_CFSR = bf_cfsr;
    /* The frame is on the Non-secure main stack (EXC_RETURN.S=0, SPSEL=0): step over the 16-bit load. */
    volatile uint32_t *frame = (volatile uint32_t *)tz_msp_ns();
    frame[6] += 2;
}

__attribute__((naked)) void bf_handler(void)
{
    __asm volatile("mov r0, lr\n b bf_c\n");
}

int main(void)
{
    tz_init();
    mp_set_handler(EXC_BUSFAULT, bf_handler);
    SCB_SHCSR |= 1u << 17;

    /* Secure through the alias: the Non-secure bank. */
    uint32_t vtor_ns = SCB_VTOR_NS;
    REG32(0xE002ED0C) = 0x05FA0300u;
    mp_kv("b56 s_alias_cpuid", REG32(0xE002ED00));
    mp_kv("aircr_s", SCB_AIRCR);
    mp_kv("aircr_ns", REG32(0xE002ED0C));
    mp_kv("vtor_ns_is_kit", vtor_ns == (uint32_t)tz_ns_vectors);
    mp_end_line();
    REG32(0xE002ED0C) = 0x05FA0000u;

    /* Non-secure privileged: RAZ/WI. */
    mp_kv("b56 ns_priv_cpuid", tz_ns_call(ns_load, 0xE002ED00u));
    mp_kv("ns_vtor_readback", tz_ns_call(ns_store_vtor, 0x00300000u));
    mp_kv("vtor_ns_unchanged", SCB_VTOR_NS == vtor_ns);
    mp_kv("bf_count", bf_count);
    mp_end_line();

    /* Non-secure unprivileged: BusFault. */
    tz_set_control_ns(1);
    uint32_t v = tz_ns_call(ns_load, 0xE002ED00u);
    tz_set_control_ns(0);
    mp_kv("b56 ns_user_load", v);
    mp_kv("bf_count", bf_count);
    mp_kv("cfsr", bf_cfsr);
    mp_kv("bfar", bf_bfar);
    mp_kv("lr", bf_lr);
    mp_end_line();
    return 0;
}
