/*
 * §9 behaviour 19 (mprofile.md §2.3 step 9, §2.5, §2.7 ignore_stackfaults): when the basic-frame push already
 * faulted, a fault on the callee push only sets its status bit. The Secure Thread stack is moved to the top of
 * the 32 KB SRAM bank (S alias 0x30000000): the basic frame's upper half is past the end of the bank (bus error:
 * BFSR.STKERR, derived BusFault_S pended) and the callee frame is in a read-only PMSAv8 region (CFSR.MSTKERR set,
 * MemManage not pended). BusFault_S has priority 0xC0 and the NS IRQ 0x80, so the IRQ is still the exception
 * taken (its callee push runs with ignore_stackfaults); its NS handler returns and the BusFault tail-chains, reports
 * and exits (the frames are incomplete, so nothing returns to Thread mode).
 */
#include "tz.h"

#define TOP 0x30008010u

volatile uint32_t saved_sp;
TZ_NS_BSS volatile uint32_t ns_count;

TZ_NS_FN void ns_irq_handler(void)
{
    ns_count++;
}

__attribute__((noreturn)) void bf_c(uint32_t exc_return, uint32_t msp)
{
    MPU_CTRL = 0;
    mp_isb();
    mp_kv("b19 cfsr", SCB_CFSR);
    mp_kv("bfar", SCB_BFAR);
    mp_kv("lr", exc_return);
    mp_kv("mm_pending", (SCB_SHCSR >> 13) & 1);
    mp_kv("irq_pending", (NVIC_ISPR(TZ_TEST_IRQ / 32) >> (TZ_TEST_IRQ % 32)) & 1);
    mp_kv("sp_is_callee_frame", msp == TOP - 0x48);
    mp_kv("ns_count", ns_count);
    mp_end_line();
    mp_exit(0);
}

__attribute__((naked)) static void bf_handler(void)
{
    /* The handler's own stack: below the read-only region. */
    __asm volatile("mov r0, lr\n mrs r1, msp\n ldr r2, =0x30007F00\n mov sp, r2\n b bf_c\n .ltorg\n");
}

int main(void)
{
    tz_init();
    mp_set_handler(EXC_BUSFAULT, bf_handler);
    mp_set_handler(EXC_MEMMANAGE, bf_handler);
    SCB_SHCSR |= (1u << 16) | (1u << 17); /* MEMFAULTENA, BUSFAULTENA */
    tz_ns_set_handler(EXC_IRQ0 + TZ_TEST_IRQ, ns_irq_handler);
    SCB_SHPR1 = (SCB_SHPR1 & ~0xFF00u) | (0xC0u << 8); /* BusFault_S below the IRQ */
    NVIC_ITNS(TZ_TEST_IRQ / 32) |= 1u << (TZ_TEST_IRQ % 32);
    NVIC_IPR(TZ_TEST_IRQ) = 0x80;
    NVIC_ISER(TZ_TEST_IRQ / 32) = 1u << (TZ_TEST_IRQ % 32);
    MPU_RNR = 0;
    MPU_RBAR = 0x30007FC0u | (2u << 1) | 1u; /* RO privileged, XN */
    MPU_RLAR = 0x30007FC0u | 1u;
    MPU_CTRL = 5;
    mp_isb();
    __asm volatile(
        "mrs r0, control\n bic r0, r0, #4\n msr control, r0\n isb\n"
        "ldr r0, =0x30008010\n mov sp, r0\n"
        "ldr r0, =0xE000E200\n ldr r1, =1 << 30\n str r1, [r0]\n dsb\n isb\n"
        "b .\n"
        ::: "r0", "r1", "memory");
    return 1;
}
