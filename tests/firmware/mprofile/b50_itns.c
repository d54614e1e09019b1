/*
 * §9 behaviour 50 (mprofile.md §4.4; Armv8-M ARM B3.4 "NVIC_ITNS"): with ITNS=0 an interrupt belongs to Secure
 * state, so a Non-secure write to its ISER bit is ignored and a Non-secure read shows 0; once ITNS=1 the Non-secure
 * write enables it. ITNS itself reads as zero and ignores writes from Non-secure state. Checked from Non-secure code
 * (BLXNS into an NS function) and from Secure code through the 0xE002E000 alias.
 */
#include "tz.h"

#define IRQ_S 5
#define IRQ_N 6

/* NS: writes ISER0 with both bits and ITNS0 with all ones, then returns ISER0 | ITNS0 << 16 as NS sees them. */
TZ_NS_FN uint32_t ns_probe(uint32_t bits)
{
    REG32(0xE000E100) = bits;
    REG32(0xE000E380) = 0xFFFFFFFFu;
    return (REG32(0xE000E100) & 0xFFFFu) | (REG32(0xE000E380) << 16);
}

int main(void)
{
    tz_init();
    NVIC_ITNS(0) = 1u << IRQ_N;
    NVIC_IPR(IRQ_S) = 0xFF;
    NVIC_IPR(IRQ_N) = 0xFF;
    mp_set_primask(1);
    uint32_t ns = tz_ns_call(ns_probe, (1u << IRQ_S) | (1u << IRQ_N));
    mp_kv("b50 ns_view", ns);
    mp_kv("s_iser", NVIC_ISER(0));
    mp_kv("itns", NVIC_ITNS(0));
    mp_end_line();

    /* The same rules for a Secure CPU through the Non-secure alias. */
    NVIC_ICER(0) = 0xFFFFFFFFu;
    REG32(0xE002E100) = (1u << IRQ_S) | (1u << IRQ_N);
    REG32(0xE002E200) = (1u << IRQ_S) | (1u << IRQ_N);
    REG32(0xE002E380) = 0xFFFFFFFFu;
    mp_kv("b50 alias_iser", REG32(0xE002E100));
    mp_kv("s_iser", NVIC_ISER(0));
    mp_kv("alias_ispr", REG32(0xE002E200));
    mp_kv("s_ispr", NVIC_ISPR(0));
    mp_kv("alias_ipr", REG32(0xE002E404));
    mp_kv("itns", NVIC_ITNS(0));
    mp_kv("alias_itns", REG32(0xE002E380));
    mp_end_line();
    NVIC_ICPR(0) = 0xFFFFFFFFu;
    NVIC_ICER(0) = 0xFFFFFFFFu;
    mp_set_primask(0);
    return 0;
}
