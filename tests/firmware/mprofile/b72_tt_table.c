/*
 * §9 behaviour 72 (mprofile.md §5.6 HELPER(v7m_tt), §5.4, §5.5; Armv8-M ARM C2.4.232): TT/TTT/TTA/TTAT response
 * words for a table of addresses (Secure code, NSC, NS code, NS RAM, Secure RAM, UART0 through its NS and S
 * aliases, the PPB, 0xF0000000), from Secure privileged Thread code, from Non-secure privileged Thread code (TT,
 * TTT; TTA is UNDEFINED from NS: a Non-secure UsageFault UNDEFINSTR, skipped) and from Non-secure unprivileged Thread
 * code (no MPU fields, R/RW for an unprivileged access). MPU_S has region 0 over Secure RAM, MPU_NS region 0 over
 * NS RAM (RW any, XN) and region 1 over NS code (RO any), both with PRIVDEFENA, so MREGION/MRVALID/R/RW vary.
 */
#include "tz.h"

#define N_ADDR 9
TZ_NS_DATA volatile uint32_t addrs[N_ADDR] = {
    0x10000000u, 0x10100000u, 0x00200000u, 0x28200000u, 0x38000000u, 0x40200000u, 0x50200000u, 0xE000ED00u, 0xF0000000u,
};
TZ_NS_BSS volatile uint32_t ns_uf_count, ns_uf_cfsr;

static void mpu_region(uint32_t base_scs, uint32_t n, uint32_t rbar, uint32_t rlar)
{
    REG32(base_scs + 0xD98) = n;      /* RNR */
    REG32(base_scs + 0xD9C) = rbar;   /* RBAR: base, AP=01 (RW any), XN */
    REG32(base_scs + 0xDA0) = rlar;   /* RLAR: limit, AttrIndx 0, EN */
    REG32(base_scs + 0xD94) = 5;      /* MPU_CTRL: ENABLE | PRIVDEFENA */
}

TZ_NS_FN uint32_t ns_table(uint32_t unprivileged)
{
    for (int i = 0; i < N_ADDR; i++) {
        uint32_t a = addrs[i];
        ns_kv(unprivileged ? "b72 ns_unpriv addr" : "b72 ns addr", a);
        ns_kv("tt", tz_tt(a));
        ns_kv("ttt", tz_ttt(a));
        ns_end_line();
    }
    if (!unprivileged) {
        (void)tz_tta(addrs[0]);
        ns_kv("b72 ns tta uf_count", ns_uf_count);
        ns_kv("cfsr_ns", ns_uf_cfsr);
        ns_end_line();
    }
    return 0;
}

TZ_NS_FN void ns_uf_c(uint32_t exc_return, uint32_t msp)
{
    (void)exc_return;
    volatile uint32_t *frame = (volatile uint32_t *)msp;
    ns_uf_count++;
    ns_uf_cfsr = REG32(0xE000ED28);
    REG32(0xE000ED28) = ns_uf_cfsr;
    frame[6] += 4;
}
TZ_NS_HANDLER(ns_uf_handler, ns_uf_c)

int main(void)
{
    tz_init();
    tz_ns_set_handler(EXC_USAGEFAULT, ns_uf_handler);
    SCB_SHCSR_NS |= 1u << 18;
    mpu_region(0xE000E000u, 0, 0x38000000u | (1u << 1) | 1u, 0x381FFFE0u | 1u);
    mpu_region(0xE002E000u, 0, 0x28200000u | (1u << 1) | 1u, 0x283FFFE0u | 1u);
    /* NS code: RO any, executable, so unprivileged NS code can run. */
    mpu_region(0xE002E000u, 1, 0x00200000u | (3u << 1), 0x003FFFE0u | 1u);
    mp_isb();
    for (int i = 0; i < N_ADDR; i++) {
        uint32_t a = addrs[i];
        mp_kv("b72 s addr", a);
        mp_kv("tt", tz_tt(a));
        mp_kv("ttt", tz_ttt(a));
        mp_kv("tta", tz_tta(a));
        mp_kv("ttat", tz_ttat(a));
        mp_end_line();
    }
    tz_ns_call(ns_table, 0);
    tz_set_control_ns(1); /* nPRIV */
    tz_ns_call(ns_table, 1);
    return 0;
}
