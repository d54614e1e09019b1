/*
 * §9 behaviour 57 (mprofile.md §4.6; Armv8-M ARM B11.1 "The system timer, SysTick"): with the Security Extension
 * each state has its own SysTick at 0xE000E010 and each pends its own bank's SysTick exception: Secure code programs
 * the Secure timer, Non-secure code (an NS function reached by BLXNS) the Non-secure one, they keep their own
 * RVR/CSR, and the Secure handler runs in Secure state, the Non-secure handler (in the NS vector table) in NS state.
 * The NS timer is never touched through the 0xE002E010 alias from Secure code here: QEMU 7.2 rejects that access
 * ("Blocked re-entrant IO"); with -DB57_ALIAS the firmware does it anyway (Nemu only: the architectural result).
 */
#include "tz.h"

volatile uint32_t s_ticks, s_ipsr;
TZ_NS_BSS volatile uint32_t ns_ticks, ns_ipsr;

TZ_NS_FN void ns_systick(void)
{
    ns_ticks++;
    uint32_t v;
    __asm volatile("mrs %0, ipsr" : "=r"(v));
    ns_ipsr = v;
}

/* NS: arg 0 stops the NS SysTick; otherwise loads RVR = arg and starts it. Returns RVR | CSR << 24 as NS sees them. */
TZ_NS_FN uint32_t ns_systick_ctl(uint32_t reload)
{
    if (reload == 0) {
        REG32(0xE000E010) = 0;
    } else {
        REG32(0xE000E014) = reload;
        REG32(0xE000E018) = 0;
        REG32(0xE000E010) = 3;
    }
    return REG32(0xE000E014) | (REG32(0xE000E010) & 0xFFu) << 24;
}

TZ_NS_FN uint32_t ns_ticks_now(uint32_t unused)
{
    (void)unused;
    return ns_ticks;
}

void s_systick(void)
{
    s_ticks++;
    s_ipsr = mp_ipsr();
}

int main(void)
{
    tz_init();
    mp_set_handler(EXC_SYSTICK, s_systick);
    tz_ns_set_handler(EXC_SYSTICK, ns_systick);
    SYST_RVR = 15000;
    SYST_CVR = 0;
    SYST_CSR = 3;
    uint32_t ns_view = tz_ns_call(ns_systick_ctl, 9000);
    mp_kv("b57 s_rvr", SYST_RVR);
    mp_kv("s_csr", SYST_CSR & 0xFFu);
    mp_kv("ns_rvr_csr", ns_view);
    mp_end_line();
#ifdef B57_ALIAS
    mp_kv("b57 alias_rvr", REG32(0xE002E014));
    REG32(0xE002E014) = 9001;
    mp_kv("ns_rvr", tz_ns_call(ns_systick_ctl, 9001) & 0xFFFFFFu);
    mp_end_line();
#endif
    for (uint32_t i = 0; i < 200000000u && (s_ticks < 3 || tz_ns_call(ns_ticks_now, 0) < 3); i++) {
    }
    SYST_CSR = 0;
    tz_ns_call(ns_systick_ctl, 0);
    mp_kv("b57 s_ticks_ge3", s_ticks >= 3);
    mp_kv("ns_ticks_ge3", ns_ticks >= 3);
    mp_kv("s_ipsr", s_ipsr);
    mp_kv("ns_ipsr", ns_ipsr);
    mp_kv("shcsr_s", SCB_SHCSR);
    mp_kv("icsr_pendst", (SCB_ICSR >> 26) & 1u);
    mp_end_line();
    return 0;
}
