/*
 * §9 behaviour 41 (mprofile.md §4.2; Armv7-M ARM B1.5.4): with AIRCR.PRIGROUP=5 the group priority is bits [7:6],
 * so IRQs at 0x40 and 0x60 are in one group: the second cannot preempt the first, and when both are pending the
 * lower subpriority (0x40) is taken first even with the higher exception number. With PRIGROUP=0 0x40 preempts 0x60.
 */
#include "nvic_order.h"

static void pend_irq1(void) { NVIC_ISPR(0) = 2; order_add('.'); }

int main(void)
{
    install_irqs();
    SCB_AIRCR = 0x05FA0500;
    mp_kv("b41 aircr", SCB_AIRCR);
    NVIC_IPR(0) = 0x60;
    NVIC_IPR(1) = 0x40;
    irq_hook = pend_irq1;
    order_reset();
    NVIC_ISPR(0) = 1;
    mp_isb();
    order_print("same_group");
    irq_hook = 0;
    order_reset();
    mp_set_primask(1);
    NVIC_ISPR(0) = 3;
    mp_set_primask(0);
    mp_isb();
    order_print("both_pending");
    SCB_AIRCR = 0x05FA0000;
    irq_hook = pend_irq1;
    order_reset();
    NVIC_ISPR(0) = 1;
    mp_isb();
    order_print("prigroup0");
    mp_end_line();
    return 0;
}
