/*
 * §9 behaviour 42 (mprofile.md §4.2): pending exceptions with equal group and subpriority are taken lowest
 * exception number first, whatever order they were pended in; PendSV (14) and an IRQ at the same priority: PendSV.
 */
#include "nvic_order.h"

static void pendsv(void) { order_add('p'); }

int main(void)
{
    install_irqs();
    mp_set_handler(EXC_PENDSV, pendsv);
    NVIC_IPR(0) = 0x80;
    NVIC_IPR(1) = 0x80;
    NVIC_IPR(2) = 0x80;
    SCB_SHPR3 = 0x00800000;
    order_reset();
    mp_set_primask(1);
    NVIC_ISPR(0) = 4;
    NVIC_ISPR(0) = 2;
    SCB_ICSR = 1u << 28;
    NVIC_ISPR(0) = 1;
    mp_set_primask(0);
    mp_isb();
    order_print("b42 order");
    mp_end_line();
    return 0;
}
