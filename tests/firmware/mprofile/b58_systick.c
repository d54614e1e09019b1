/*
 * §9 behaviour 58 (mprofile.md §4.6): SysTick COUNTFLAG is set on reaching zero and cleared by reading CSR; any CVR
 * write sets the counter to 0 and clears COUNTFLAG; with RVR=0 the counter stops after the next expiry (ENABLE stays
 * set); CALIB reports 9999 (1 MHz reference) on MPS2 and NOREF on the micro:bit (no reference clock).
 * The reload is the largest (2^24 - 1, most of a second at the core clock) so that no second wrap can happen
 * between the loop's read and the next one even when the host deschedules the emulator (both run in real time).
 */
#include "mp.h"

int main(void)
{
    mp_kv("b58 calib", SYST_CALIB);
    mp_kv("csr_reset", SYST_CSR);
    SYST_RVR = 0xFFFFFF;
    SYST_CVR = 0;
    SYST_CSR = 5;
    while (!(SYST_CSR & (1u << 16))) {
    }
    mp_kv("countflag_after_read", (SYST_CSR >> 16) & 1);
    SYST_CVR = 12345;
    mp_kv("cvr_after_write", SYST_CVR <= 0xFFFFFF);
    mp_kv("countflag", (SYST_CSR >> 16) & 1);
    SYST_RVR = 0;
    while (!(SYST_CSR & (1u << 16))) {
    }
    uint32_t a = SYST_CVR;
    for (volatile int i = 0; i < 1000; i++) {
    }
    mp_kv("stopped_cvr", a | SYST_CVR);
    mp_kv("csr_enable", SYST_CSR & 7);
    SYST_CSR = 0;
    SYST_CVR = 0;
    mp_kv("cvr_cleared", SYST_CVR);
    mp_end_line();
    return 0;
}
