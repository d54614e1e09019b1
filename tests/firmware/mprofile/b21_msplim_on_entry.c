/*
 * §9 behaviour 21 (mprofile.md §2.3 step 5, v7m_push_stack's limit branch): an exception entry whose frame would go
 * below MSPLIM sets CFSR.STKOF, pends UsageFault, sets SP to MSPLIM and writes nothing. The SVC is raised with
 * MSPLIM 0x10 below SP; the UsageFault handler (taken first: priority 0 ties, lower number wins) reports and exits.
 */
#include "tz.h"

volatile uint32_t sp_before, limit;
volatile uint32_t pattern_area[24] __attribute__((aligned(8)));

__attribute__((noreturn)) void uf_c(uint32_t exc_return, uint32_t msp)
{
    uint32_t untouched = 1;
    /* The 0x10 bytes between the limit and the old SP: the top of the frame that was not written. */
    for (int i = 0; i < 4; i++) {
        untouched &= ((volatile uint32_t *)limit)[i] == 0xCCCCCCCCu;
    }
    mp_kv("b21 cfsr", SCB_CFSR);
    mp_kv("lr", exc_return);
    mp_kv("sp_is_limit", msp == limit);
    mp_kv("above_limit_untouched", untouched);
    mp_kv("svc_pending", (SCB_SHCSR >> 15) & 1);
    mp_end_line();
    mp_exit(0);
}

/* Clears MSPLIM before anything is pushed (SP sits at the limit), then reports. */
__attribute__((naked)) static void uf_handler(void)
{
    __asm volatile("mrs r1, msp\n movs r0, #0\n msr msplim, r0\n mov r0, lr\n b uf_c\n");
}

int main(void)
{
    mp_set_handler(EXC_USAGEFAULT, uf_handler);
    SCB_SHCSR |= 1u << 18; /* USGFAULTENA */
    __asm volatile(
        "mov r3, sp\n"
        "ldr r1, =0xCCCCCCCC\n"
        "movs r2, #16\n"
        "1: str r1, [r3, #-4]!\n"
        "subs r2, r2, #1\n"
        "bne 1b\n"
        "ldr r0, =sp_before\n"
        "str sp, [r0]\n"
        "mov r3, sp\n"
        "sub r3, r3, #0x10\n"
        "ldr r0, =limit\n"
        "str r3, [r0]\n"
        "msr msplim, r3\n"
        "svc #0\n"
        ::: "r0", "r1", "r2", "r3", "memory");
    mp_line("b21 svc returned");
    return 1;
}
