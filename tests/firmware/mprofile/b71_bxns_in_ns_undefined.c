/*
 * §9 behaviour 71 (mprofile.md §5.6): BXNS and BLXNS are UNDEFINED in Non-secure state: each takes a Non-secure
 * UsageFault with CFSR_NS.UNDEFINSTR at the instruction; the NS handler skips the 2-byte instruction.
 */
#include "tz.h"

TZ_NS_BSS volatile uint32_t ns_cfsr[2], ns_pc_ok[2], ns_count;

__attribute__((naked)) TZ_NS_FN uint32_t ns_try(uint32_t unused)
{
    __asm volatile(
        "push {r4, lr}\n"
        "adr r4, 1f\n"
        "1: bxns r4\n"
        "adr r4, 2f\n"
        "2: blxns r4\n"
        "movs r0, #0\n"
        "pop {r4, pc}\n");
}

TZ_NS_FN void ns_uf_c(uint32_t exc_return, uint32_t msp)
{
    (void)exc_return;
    volatile uint32_t *frame = (volatile uint32_t *)msp;
    uint32_t n = ns_count++;
    if (n < 2) {
        ns_cfsr[n] = REG32(0xE000ED28);
        ns_pc_ok[n] = REG16(frame[6]) == (n == 0 ? 0x4724u : 0x47A4u); /* bxns r4 / blxns r4 */
    }
    REG32(0xE000ED28) = REG32(0xE000ED28);
    frame[6] += 2;
}
TZ_NS_HANDLER(ns_uf_handler, ns_uf_c)

int main(void)
{
    tz_init();
    tz_ns_set_handler(EXC_USAGEFAULT, ns_uf_handler);
    SCB_SHCSR_NS |= 1u << 18;
    tz_ns_call(ns_try, 0);
    mp_kv("b71 bxns cfsr_ns", ns_cfsr[0]);
    mp_kv("at_insn", ns_pc_ok[0]);
    mp_end_line();
    mp_kv("b71 blxns cfsr_ns", ns_cfsr[1]);
    mp_kv("at_insn", ns_pc_ok[1]);
    mp_kv("count", ns_count);
    mp_end_line();
    return 0;
}
