/*
 * §9 behaviour 44 (mprofile.md §4.2): PRIMASK=1 masks every configurable exception (a pended IRQ at priority 0
 * waits) but NMI and HardFault (a UDF, escalated) are still taken. On v7-M FAULTMASK=1 raises the execution
 * priority to -1: NMI is still taken, the IRQ still waits. (A fault under FAULTMASK is Lockup, where QEMU aborts:
 * covered by the Nvic unit tests, mprofile.md §8.1.)
 */
#include "nvic_order.h"

volatile uint32_t hf_count;

__attribute__((naked)) static void hardfault(void)
{
    __asm volatile(
        ".syntax unified\n"
        "mrs r0, msp\n"
        "ldr r1, [r0, #24]\n"
        "adds r1, r1, #2\n"
        "str r1, [r0, #24]\n"
        "ldr r2, =hf_count\n"
        "ldr r3, [r2]\n"
        "adds r3, r3, #1\n"
        "str r3, [r2]\n"
        "bx lr\n");
}

static void nmi(void) { order_add('n'); }

int main(void)
{
    install_irqs();
    mp_set_handler(EXC_HARDFAULT, hardfault);
    mp_set_handler(EXC_NMI, nmi);
    NVIC_IPR(0) = 0;
    order_reset();
    mp_set_primask(1);
    NVIC_ISPR(0) = 1;
    mp_isb();
    order_print("b44 primask_irq");
    SCB_ICSR = 1u << 31;
    mp_isb();
    order_print("nmi");
    __asm volatile("udf #0");
    mp_kv("hf_count", hf_count);
    mp_set_primask(0);
    mp_isb();
    order_print("unmasked");
    mp_end_line();
#if __ARM_ARCH_7M__ || __ARM_ARCH_7EM__
    order_reset();
    mp_set_faultmask(1);
    NVIC_ISPR(0) = 1;
    SCB_ICSR = 1u << 31;
    mp_isb();
    order_print("b44 faultmask");
    mp_kv("fm", mp_faultmask());
    mp_set_faultmask(0);
    mp_isb();
    order_print("unmasked");
    mp_end_line();
#endif
    return 0;
}
