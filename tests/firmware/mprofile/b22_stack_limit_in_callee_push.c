/*
 * §9 behaviour 22 (mprofile.md §2.5, §8.20): a Non-secure IRQ preempting Secure Thread code with MSPLIM_S 0x30
 * below SP: the basic frame fits, the callee frame does not. The callee push sets CFSR_S.STKOF, sets SP_S to the
 * limit and writes nothing. QEMU 7.2 reports it as a failed push ("...STKOF during callee-saves register stacking",
 * then "...derived exception on callee-saves register stacking"), as the Armv8-M PushCalleeStack pseudocode does,
 * so the entry restarts and the Secure UsageFault (priority 0) is taken before the NS IRQ (0x80), with EXC_RETURN
 * S=1, ES=1, DCRS=0. (mprofile.md §2.5 describes a later QEMU that pends UF normally and returns "ok".)
 */
#include "tz.h"

volatile uint32_t sp_before, limit;
TZ_NS_BSS volatile uint32_t ns_count;

TZ_NS_FN void ns_irq_handler(void)
{
    ns_count++;
}

__attribute__((noreturn)) void uf_c(uint32_t exc_return, uint32_t msp)
{
    uint32_t untouched = 1;
    /* The part of the callee frame above the limit (the R8-R11 slots): not written either. */
    for (int i = 0; i < 4; i++) {
        untouched &= ((volatile uint32_t *)limit)[i] == 0xCCCCCCCCu;
    }
    mp_kv("b22 cfsr_s", SCB_CFSR);
    mp_kv("cfsr_ns", SCB_CFSR_NS);
    mp_kv("lr", exc_return);
    mp_kv("sp_is_limit", msp == limit);
    mp_kv("callee_area_untouched", untouched);
    mp_kv("ns_count", ns_count);
    mp_end_line();
    mp_exit(0);
}

__attribute__((naked)) static void uf_handler(void)
{
    __asm volatile("mrs r1, msp\n movs r0, #0\n msr msplim, r0\n mov r0, lr\n b uf_c\n");
}

int main(void)
{
    tz_init();
    mp_set_handler(EXC_USAGEFAULT, uf_handler);
    SCB_SHCSR |= 1u << 18;
    tz_ns_set_handler(EXC_IRQ0 + TZ_TEST_IRQ, ns_irq_handler);
    NVIC_ITNS(TZ_TEST_IRQ / 32) |= 1u << (TZ_TEST_IRQ % 32);
    NVIC_IPR(TZ_TEST_IRQ) = 0x80;
    NVIC_ISER(TZ_TEST_IRQ / 32) = 1u << (TZ_TEST_IRQ % 32);
    __asm volatile(
        "mov r3, sp\n"
        "ldr r1, =0xCCCCCCCC\n"
        "movs r2, #24\n"
        "1: str r1, [r3, #-4]!\n"
        "subs r2, r2, #1\n"
        "bne 1b\n"
        "ldr r0, =sp_before\n"
        "str sp, [r0]\n"
        "mov r3, sp\n"
        "sub r3, r3, #0x30\n"
        "ldr r0, =limit\n"
        "str r3, [r0]\n"
        "msr msplim, r3\n"
        "ldr r0, =0xE000E200\n"
        "ldr r1, =1 << 30\n"
        "str r1, [r0]\n"
        "dsb\n"
        "isb\n"
        ::: "r0", "r1", "r2", "r3", "memory");
    mp_line("b22 no usagefault");
    return 1;
}
