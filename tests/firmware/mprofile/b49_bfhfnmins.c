/*
 * §9 behaviour 49 (mprofile.md §4.1, §4.4, §4.5; Armv8-M ARM B3.9, AIRCR.BFHFNMINS): with BFHFNMINS=1 (written from
 * Secure state) NMI, BusFault and HardFault target Non-secure state: the Non-secure views show BFHFNMINS, the BusFault
 * bits of SHCSR, the BusFault priority slot and NMIPENDSET; an NMI runs the NS handler; and a BusFault of Secure code
 * with BusFault disabled escalates to the Non-secure HardFault (the Secure HardFault, now at priority -3, is kept
 * for faults that target Secure state), whose handler reports HFSR/CFSR/BFAR from Non-secure state and exits.
 */
#include "tz.h"

#define BAD_ADDRESS 0x4FFF0000u

TZ_NS_BSS volatile uint32_t nmi_count, nmi_ipsr;

TZ_NS_FN void ns_nmi(void)
{
    nmi_count++;
    uint32_t v;
    __asm volatile("mrs %0, ipsr" : "=r"(v));
    nmi_ipsr = v;
}

TZ_NS_FN void ns_hardfault(void)
{
    uint32_t v;
    __asm volatile("mrs %0, ipsr" : "=r"(v));
    ns_kv("b49 ns_hf_ipsr", v);
    ns_kv("hfsr", REG32(0xE000ED2C));
    ns_kv("cfsr_ns", REG32(0xE000ED28));
    ns_kv("bfar_ns", REG32(0xE000ED38));
    ns_kv("shcsr_ns", REG32(0xE000ED24));
    ns_end_line();
    ns_exit(0);
}

int main(void)
{
    tz_init();
    tz_ns_set_handler(EXC_NMI, ns_nmi);
    tz_ns_set_handler(EXC_HARDFAULT, ns_hardfault);
    mp_kv("b49 before_aircr_ns", SCB_AIRCR_NS);
    mp_kv("shcsr_ns", SCB_SHCSR_NS);
    mp_kv("shpr1_ns", SCS_NS(0xD18));
    mp_end_line();

    SCB_SHPR1 = 0x00002000u; /* BusFault priority 0x20 */
    SCB_AIRCR = 0x05FA0000u | (1u << 13);
    SCB_SHCSR |= 1u << 17;
    mp_kv("b49 aircr_s", SCB_AIRCR);
    mp_kv("aircr_ns", SCB_AIRCR_NS);
    mp_kv("shcsr_ns", SCB_SHCSR_NS);
    mp_kv("shpr1_ns", SCS_NS(0xD18));
    mp_end_line();
    SCB_SHCSR &= ~(1u << 17);

    mp_set_primask(1);
    SCB_ICSR = 1u << 31;
    mp_isb();
    mp_kv("b49 nmi_count", nmi_count);
    mp_kv("ipsr", nmi_ipsr);
    mp_kv("icsr_ns_nmipend", SCS_NS(0xD04) >> 31);
    mp_end_line();
    mp_set_primask(0);

    /* BusFault disabled: escalates to HardFault, which now targets Non-secure state. */
    (void)REG32(BAD_ADDRESS);
    mp_line("b49 not reached");
    return 1;
}
