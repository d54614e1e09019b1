/*
 * §9 behaviour 53 (mprofile.md §4.4 ICSR): VECTACTIVE, VECTPENDING, RETTOBASE (1 with a single active exception),
 * ISRPENDING, seen from Thread mode, from an IRQ handler with a lower-priority IRQ pending and from a nested
 * handler; a disabled pending IRQ alone leaves ISRPENDING clear (QEMU's nvic_isrpending); PENDSVSET and PENDSVCLR
 * in one write set PendSV.
 */
#include "nvic_order.h"

volatile uint32_t icsr_irq0, icsr_irq0_pend, icsr_nested;

static void nested(void) { icsr_nested = SCB_ICSR; }

static void in_irq0(void)
{
    icsr_irq0 = SCB_ICSR;
    NVIC_ISPR(0) = 2;
    icsr_irq0_pend = SCB_ICSR;
    NVIC_ISPR(0) = 4;
    mp_isb();
}

int main(void)
{
    install_irqs();
    mp_set_handler(EXC_IRQ0 + 2, nested);
    NVIC_IPR(0) = 0x80;
    NVIC_IPR(1) = 0xC0;
    NVIC_IPR(2) = 0x40;
    mp_kv("b53 thread", SCB_ICSR);
    irq_hook = in_irq0;
    NVIC_ISPR(0) = 1;
    mp_isb();
    mp_kv("irq0", icsr_irq0);
    mp_kv("irq0_pend", icsr_irq0_pend);
    mp_kv("nested", icsr_nested);
    mp_end_line();
    NVIC_ICER(0) = 8;
    NVIC_ISPR(0) = 8;
    mp_kv("b53 disabled_pending", SCB_ICSR);
    NVIC_ICPR(0) = 8;
    mp_set_primask(1);
    SCB_ICSR = (1u << 28) | (1u << 27);
    mp_kv("pendsv_set_clr", SCB_ICSR);
    SCB_ICSR = 1u << 27;
    mp_kv("pendsv_clr", SCB_ICSR);
    SCB_ICSR = (1u << 26) | (1u << 25);
    mp_kv("pendst_set_clr", SCB_ICSR);
    SCB_ICSR = 1u << 25;
    mp_set_primask(0);
    mp_end_line();
    return 0;
}
