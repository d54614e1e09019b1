/* TrustZone-M kit: the Non-secure window set-up and the NS-callable report services (see tz.h). */
#include "tz.h"

TZ_NS_BSS volatile uint32_t tz_ns_vectors[MP_VECTORS] __attribute__((aligned(256)));

void tz_sau_region(int n, uint32_t base, uint32_t limit, int nsc)
{
    SAU_RNR = (uint32_t)n;
    SAU_RBAR = base & ~0x1Fu;
    SAU_RLAR = (limit & ~0x1Fu) | (nsc ? 2u : 0u) | 1u;
}

void tz_mpc_set(uint32_t mpc, uint32_t offset, uint32_t size, int ns)
{
    /* BLK_CFG: block size = 1 << (BLK_CFG + 5) bytes; one LUT bit per block, 32 blocks per LUT word. */
    uint32_t shift = MPC_BLK_CFG(mpc) + 5;
    for (uint32_t block = offset >> shift; block < (offset + size) >> shift; block++) {
        MPC_BLK_IDX(mpc) = block / 32;
        uint32_t word = MPC_BLK_LUT(mpc);
        uint32_t bit = 1u << (block % 32);
        MPC_BLK_IDX(mpc) = block / 32;
        MPC_BLK_LUT(mpc) = ns ? (word | bit) : (word & ~bit);
    }
}

void tz_ns_set_handler(int exc, void (*handler)(void))
{
    tz_ns_vectors[exc] = (uint32_t)handler;
    mp_isb();
}

void tz_init(void)
{
    SECCTL_NSCCFG = NSCCFG_CODENSC;
    tz_sau_region(0, TZ_NS_CODE_BASE, TZ_NS_CODE_LIMIT, 0);
    tz_sau_region(1, TZ_NS_RAM_BASE, TZ_NS_RAM_LIMIT, 0);
    tz_sau_region(2, TZ_NSC_BASE, TZ_NSC_LIMIT, 1);
    SAU_CTRL = 1;
    tz_mpc_set(MPC_SSRAM0, TZ_NS_CODE_BASE, TZ_NS_CODE_LIMIT + 1 - TZ_NS_CODE_BASE, 1);
    tz_mpc_set(MPC_SSRAM2, 0, TZ_NS_RAM_LIMIT + 1 - TZ_NS_RAM_BASE, 1);
    mp_isb();
    extern uint32_t __ns_bss_start[], __ns_bss_end[];
    for (uint32_t *d = __ns_bss_start; d < __ns_bss_end;) {
        *d++ = 0;
    }
    for (int i = 1; i < MP_VECTORS; i++) {
        tz_ns_vectors[i] = (uint32_t)tz_ns_unexpected;
    }
    tz_ns_vectors[0] = (uint32_t)&__ns_stack_top;
    SCB_VTOR_NS = (uint32_t)tz_ns_vectors;
    tz_set_msp_ns((uint32_t)&__ns_stack_top);
#if defined(__ARM_FP)
    SCB_NSACR |= 3u << 10;
    SCB_CPACR_NS |= 0xFu << 20;
#endif
    mp_isb();
}

uint32_t tz_start_ns_image(uint32_t vtor)
{
    volatile uint32_t *vectors = (volatile uint32_t *)vtor;
    SCB_VTOR_NS = vtor;
    tz_set_msp_ns(vectors[0]);
    mp_isb();
    return tz_ns_call((uint32_t (*)(uint32_t))vectors[1], 0);
}

volatile uint32_t *tz_frame(uint32_t exc_return, uint32_t msp_at_entry)
{
    int secure = (exc_return >> 6) & 1;
    int psp = ((exc_return >> 2) & 1) && ((exc_return >> 3) & 1);
    uint32_t sp = secure ? (psp ? mp_psp() : msp_at_entry) : (psp ? tz_psp_ns() : tz_msp_ns());
    if (secure && !((exc_return >> 5) & 1)) {
        sp += 0x28;
    }
    return (volatile uint32_t *)sp;
}

/* The Secure side of the NS services. */
__attribute__((cmse_nonsecure_entry)) void tz_s_kv(const char *name, uint32_t value)
{
    mp_kv(name, value);
}

__attribute__((cmse_nonsecure_entry)) void tz_s_end_line(void)
{
    mp_end_line();
}

__attribute__((cmse_nonsecure_entry)) void tz_s_exit(int code)
{
    mp_exit(code);
}

__attribute__((cmse_nonsecure_entry)) void tz_s_unexpected(uint32_t ipsr)
{
    console_puts("unexpected ns exception ");
    console_dec(ipsr & 0x1FF);
    console_putc(' ');
    mp_kv("cfsr_ns", SCB_CFSR_NS);
    mp_kv("cfsr_s", SCB_CFSR);
    mp_kv("hfsr", SCB_HFSR);
    mp_kv("sfsr", SCB_SFSR);
    mp_end_line();
    mp_exit(0x7E);
}

TZ_NSC_STUB(ns_kv, tz_s_kv);
TZ_NSC_STUB(ns_end_line, tz_s_end_line);
TZ_NSC_STUB(ns_exit, tz_s_exit);
TZ_NSC_STUB(ns_unexpected, tz_s_unexpected);

TZ_NS_FN void tz_ns_unexpected(void)
{
    ns_unexpected(mp_ipsr());
}
