/*
 * §9 behaviour 18 (mprofile.md §2.4 step 4, §2.5, §2.7): an MPU_S fault on the callee-saves push of a Non-secure
 * IRQ preempting Secure Thread code (the basic frame is fine): CFSR_S.MSTKERR, MemManage_S pended as a derived
 * exception and the entry restarts; the higher-priority of MemManage_S and the NS IRQ is taken first, the other
 * stays pending and tail-chains. A PMSAv8 region makes the callee frame's upper 32 bytes (signature first)
 * read-only; that area is pre-filled with a valid callee frame whose R4-R11 are 0xD4D4D4D4 + n, so the final return
 * pops the pre-filled values (the faulting push wrote nothing). The MemManage handler disables MPU_S.
 * b20 builds this file with B20=1: only the MemManage-first case, reporting that handler's EXC_RETURN (S=1, ES=1,
 * DCRS=0: it will pop the callee frame) and that the push is not repeated for the tail-chained NS IRQ.
 */
#include "tz.h"

#ifndef B20
#define B_TAG "b18"
#else
#define B_TAG "b20"
#endif

volatile uint32_t tstack[72] __attribute__((aligned(256)));
#define TOP ((uint32_t)tstack + 0x108u) /* callee frame at TOP-0x48 = tstack+0xC0, 32-byte aligned */
volatile uint32_t saved_sp, after[8], mm_lr, mm_cfsr, mm_irq_pending, order, order_n;
TZ_NS_BSS volatile uint32_t ns_lr, ns_hits;

__attribute__((cmse_nonsecure_entry)) void note_ns(void)
{
    order = order << 4 | 2u;
    order_n++;
}
void ns_note(void);
TZ_NSC_STUB(ns_note, note_ns);

TZ_NS_FN void ns_irq_c(uint32_t exc_return, uint32_t msp)
{
    (void)msp;
    ns_lr = exc_return;
    ns_hits++;
    ns_note();
}
TZ_NS_HANDLER(ns_irq_handler, ns_irq_c)

void mm_c(uint32_t exc_return, uint32_t msp)
{
    (void)msp;
    order = order << 4 | 1u;
    order_n++;
    mm_lr = exc_return;
    mm_cfsr = SCB_CFSR;
    mm_irq_pending = (NVIC_ISPR(TZ_TEST_IRQ / 32) >> (TZ_TEST_IRQ % 32)) & 1;
    SCB_CFSR = SCB_CFSR;
    MPU_CTRL = 0;
    mp_isb();
}
TZ_HANDLER(mm_handler, mm_c)

__attribute__((naked, noinline)) static void preempt_on_tstack(void)
{
    __asm volatile(
        "push {r3-r11, lr}\n"
        "ldr r0, =saved_sp\n str sp, [r0]\n"
        "ldr r0, =tstack + 0x108\n mov sp, r0\n"
        "mrs r0, control\n bic r0, r0, #4\n msr control, r0\n isb\n"
        "ldr r4, =0x44444444\n ldr r5, =0x55555555\n ldr r6, =0x66666666\n ldr r7, =0x77777777\n"
        "ldr r8, =0x88888888\n ldr r9, =0x99999999\n ldr r10, =0xAAAAAAAA\n ldr r11, =0xBBBBBBBB\n"
        "ldr r0, =0xE000E200\n ldr r1, =1 << 30\n str r1, [r0]\n dsb\n isb\n"
        "ldr r0, =after\n stm r0, {r4-r11}\n"
        "ldr r0, =saved_sp\n ldr r0, [r0]\n mov sp, r0\n"
        "pop {r3-r11, pc}\n"
        ".ltorg\n");
}

static void run(const char *name, uint32_t mm_prio)
{
    volatile uint32_t *callee = (volatile uint32_t *)(TOP - 0x48);
    callee[0] = 0xFEFA125Bu;
    callee[1] = 0;
    for (int i = 0; i < 8; i++) {
        callee[2 + i] = 0xD4D4D4D4u + (uint32_t)i;
    }
    order = 0;
    order_n = 0;
    ns_hits = 0;
    SCB_SHPR1 = (SCB_SHPR1 & ~0xFFu) | mm_prio;
    MPU_RNR = 0;
    MPU_RBAR = (TOP - 0x48) | (2u << 1) | 1u; /* RO privileged, XN */
    MPU_RLAR = (TOP - 0x48) | 1u;             /* one 32-byte granule */
    MPU_CTRL = 5;                              /* ENABLE | PRIVDEFENA */
    mp_isb();
    preempt_on_tstack();
    uint32_t prefilled = 1;
    for (int i = 0; i < 8; i++) {
        prefilled &= after[i] == 0xD4D4D4D4u + (uint32_t)i;
    }
    mp_kv(name, order);
    mp_kv("handlers", order_n);
    mp_kv("mm_cfsr", mm_cfsr);
    mp_kv("mm_lr", mm_lr);
    mp_kv("irq_pending_in_mm", mm_irq_pending);
    mp_kv("ns_lr", ns_lr);
    mp_kv("r4_r11_prefilled", prefilled);
    mp_end_line();
}

int main(void)
{
    tz_init();
    mp_set_handler(EXC_MEMMANAGE, mm_handler);
    SCB_SHCSR |= 1u << 16; /* MEMFAULTENA */
    tz_ns_set_handler(EXC_IRQ0 + TZ_TEST_IRQ, ns_irq_handler);
    NVIC_ITNS(TZ_TEST_IRQ / 32) |= 1u << (TZ_TEST_IRQ % 32);
    NVIC_IPR(TZ_TEST_IRQ) = 0x80;
    NVIC_ISER(TZ_TEST_IRQ / 32) = 1u << (TZ_TEST_IRQ % 32);
    run(B_TAG " mm_first order", 0x00);
#ifndef B20
    run(B_TAG " irq_first order", 0xC0);
#endif
    return 0;
}
