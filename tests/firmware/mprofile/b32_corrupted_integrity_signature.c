/*
 * §9 behaviour 32 (mprofile.md §3 step 13): returning to Secure state through a callee frame whose integrity
 * signature is wrong takes SecureFault INVIS on the existing frame: nothing is popped (the SecureFault handler's
 * SP is the callee frame's address). The NS IRQ handler corrupts the signature through a Secure entry function;
 * the SecureFault handler restores it and returns (EXC_RETURN S=1, ES=1, DCRS=0), which pops both frames.
 */
#include "tz.h"

volatile uint32_t s_sp, sf_lr, sf_sfsr, sf_sp, sig_seen, after[8];
TZ_NS_BSS volatile uint32_t ns_count;

__attribute__((cmse_nonsecure_entry)) void corrupt_signature(void)
{
    volatile uint32_t *frame = (volatile uint32_t *)(s_sp - 0x48);
    sig_seen = frame[0];
    frame[0] = 0x12345678u;
}
void ns_corrupt_signature(void);
TZ_NSC_STUB(ns_corrupt_signature, corrupt_signature);

TZ_NS_FN void ns_irq_handler(void)
{
    ns_count++;
    ns_corrupt_signature();
}

void sf_c(uint32_t exc_return, uint32_t msp)
{
    sf_lr = exc_return;
    sf_sfsr = SCB_SFSR;
    sf_sp = msp;
    SCB_SFSR = SCB_SFSR;
    ((volatile uint32_t *)msp)[0] = 0xFEFA125Bu;
}
TZ_HANDLER(sf_handler, sf_c)

__attribute__((naked, noinline)) static void preempt(void)
{
    __asm volatile(
        "push {r3-r11, lr}\n"
        "mrs r0, control\n bic r0, r0, #4\n msr control, r0\n isb\n"
        "ldr r0, =s_sp\n str sp, [r0]\n"
        "ldr r4, =0x44444444\n ldr r5, =0x55555555\n ldr r6, =0x66666666\n ldr r7, =0x77777777\n"
        "ldr r8, =0x88888888\n ldr r9, =0x99999999\n ldr r10, =0xAAAAAAAA\n ldr r11, =0xBBBBBBBB\n"
        "ldr r0, =0xE000E200\n ldr r1, =1 << 30\n str r1, [r0]\n dsb\n isb\n"
        "ldr r0, =after\n stm r0, {r4-r11}\n"
        "pop {r3-r11, pc}\n"
        ".ltorg\n");
}

int main(void)
{
    tz_init();
    mp_set_handler(EXC_SECUREFAULT, sf_handler);
    SCB_SHCSR |= SHCSR_SECUREFAULTENA;
    tz_ns_set_handler(EXC_IRQ0 + TZ_TEST_IRQ, ns_irq_handler);
    NVIC_ITNS(TZ_TEST_IRQ / 32) |= 1u << (TZ_TEST_IRQ % 32);
    NVIC_ISER(TZ_TEST_IRQ / 32) = 1u << (TZ_TEST_IRQ % 32);
    preempt();
    uint32_t restored = 1;
    for (int i = 0; i < 8; i++) {
        restored &= after[i] == 0x44444444u + 0x11111111u * (uint32_t)i;
    }
    mp_kv("b32 ns_count", ns_count);
    mp_kv("sig_seen", sig_seen);
    mp_kv("sf_lr", sf_lr);
    mp_kv("sfsr", sf_sfsr);
    mp_kv("sf_sp_is_callee_frame", sf_sp == s_sp - 0x48);
    mp_kv("restored", restored);
    mp_end_line();
    return 0;
}
