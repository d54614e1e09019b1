/*
 * §9 behaviour 16 (mprofile.md §2.4.3 v7m_push_callee_stack, §2.5 register clearing; Armv8-M ARM B3.19
 * "Exception entry, context stacking"): a Non-secure exception preempting Secure Thread code pushes, below the
 * basic frame on the Secure stack, the additional state context: the integrity signature 0xFEFA125B (no FP
 * context: FTYPE=1) at SP-0x28, R4-R11 at +8..+0x24. The NS handler then sees R0-R12 and APSR cleared and
 * LR = 0xFFFFFFF8 (S=1, DCRS=1, FTYPE=1, Thread, SPSEL=0, ES=0). The return pops both frames: R4-R11 come back.
 */
#include "tz.h"

/* b17 builds this file with B_FP=1: an active FP context (CONTROL.FPCA=1) makes FTYPE=0 and the frame 0x68. */
#ifndef B_FP
#define B_TAG "b16"
#define B_FPCA_ASM "bic r0, r0, #4\n" /* FPCA=0: basic frame, FTYPE=1 */
#define CALLEE_BELOW (0x20u + 0x28u)
#else
#define B_TAG "b17"
#define B_FPCA_ASM "orr r0, r0, #4\n" /* FPCA=1: extended (lazy) frame, FTYPE=0 */
#define CALLEE_BELOW (0x68u + 0x28u)
#endif

TZ_NS_BSS volatile uint32_t ns_seen[16]; /* r0-r12, lr, apsr, count */
volatile uint32_t s_sp, s_after[8];

__attribute__((naked)) TZ_NS_FN void ns_irq_handler(void)
{
    __asm volatile(
        "push {r0-r12, lr}\n"
        "mrs r0, apsr\n"
        "ldr r1, =ns_seen\n"
        "str r0, [r1, #56]\n"
        "ldr r0, [r1, #60]\n"
        "adds r0, r0, #1\n"
        "str r0, [r1, #60]\n"
        "mov r2, sp\n"
        "movs r3, #14\n"
        "1: ldr r0, [r2], #4\n"
        "str r0, [r1], #4\n"
        "subs r3, r3, #1\n"
        "bne 1b\n"
        "pop {r0-r12, lr}\n"
        "bx lr\n"
        ".ltorg\n");
}

/* Loads R0-R12 with known values and pends the NS IRQ from Secure Thread mode; stores SP before and R4-R11 after. */
__attribute__((naked, noinline)) static void preempt_secure_thread(void)
{
    __asm volatile(
        "push {r3-r11, lr}\n" /* 10 words: SP stays 8-aligned, so no STKALIGN padding */
        "mrs r0, control\n"
        B_FPCA_ASM
        "msr control, r0\n"
        "isb\n"
        /* Fill 32 words below SP with a pattern so stale stack contents cannot pass for the frame. */
        "mov r0, sp\n"
        "ldr r1, =0xCCCCCCCC\n"
        "movs r2, #32\n"
        "1: str r1, [r0, #-4]!\n"
        "subs r2, r2, #1\n"
        "bne 1b\n"
        "ldr r0, =s_sp\n"
        "str sp, [r0]\n"
        "ldr r4, =0x44444444\n"
        "ldr r5, =0x55555555\n"
        "ldr r6, =0x66666666\n"
        "ldr r7, =0x77777777\n"
        "ldr r8, =0x88888888\n"
        "ldr r9, =0x99999999\n"
        "ldr r10, =0xAAAAAAAA\n"
        "ldr r11, =0xBBBBBBBB\n"
        "ldr r12, =0xC0C0C0C0\n"
        "ldr r2, =0x22222222\n"
        "ldr r3, =0x33333333\n"
        "ldr r0, =0xE000E200 + 4 * (30 / 32)\n" /* NVIC_ISPR for TZ_TEST_IRQ */
        "ldr r1, =1 << (30 % 32)\n"
        "str r1, [r0]\n"
        "dsb\n"
        "isb\n"
        "ldr r0, =s_after\n"
        "stm r0, {r4-r11}\n"
        "pop {r3-r11, pc}\n"
        ".ltorg\n");
}

int main(void)
{
    tz_init();
    tz_ns_set_handler(EXC_IRQ0 + TZ_TEST_IRQ, ns_irq_handler);
    NVIC_ITNS(TZ_TEST_IRQ / 32) |= 1u << (TZ_TEST_IRQ % 32);
    NVIC_ISER(TZ_TEST_IRQ / 32) = 1u << (TZ_TEST_IRQ % 32);
    preempt_secure_thread();

    mp_kv(B_TAG " count", ns_seen[15]);
    mp_kv("lr", ns_seen[13]);
    mp_kv("apsr", ns_seen[14] & 0xF80F0000u);
    uint32_t or_r0_r12 = 0;
    for (int i = 0; i <= 12; i++) {
        or_r0_r12 |= ns_seen[i];
    }
    mp_kv("r0_r12_or", or_r0_r12);
    mp_end_line();

    volatile uint32_t *frame = (volatile uint32_t *)(s_sp - CALLEE_BELOW);
    mp_kv(B_TAG " sig", frame[0]);
    for (int i = 0; i < 8; i++) {
        static const char *const names[] = { "r4", "r5", "r6", "r7", "r8", "r9", "r10", "r11" };
        mp_kv(names[i], frame[2 + i]);
    }
    mp_end_line();
    volatile uint32_t *basic = frame + 10;
    mp_kv(B_TAG " stacked_r0", basic[0]);
    mp_kv("r2", basic[2]);
    mp_kv("r12", basic[4]);
    mp_kv("xpsr", basic[7]);
    mp_end_line();
    uint32_t restored = 1;
    for (int i = 0; i < 8; i++) {
        restored &= s_after[i] == 0x44444444u + 0x11111111u * (uint32_t)i;
    }
    mp_kv(B_TAG " restored", restored);
    mp_kv("active_ns", SCB_SHCSR_NS);
    mp_end_line();
    return 0;
}
