/*
 * §9 behaviour 43 (mprofile.md §4.2, §4.7): BASEPRI=0x40 blocks IRQs with group priority >= 0x40 and lets 0x20
 * through; MSR BASEPRI_MAX only lowers a non-zero BASEPRI (0x60 ignored, 0x20 taken, 0 ignored); BASEPRI=0 unmasks.
 */
#include "nvic_order.h"

int main(void)
{
    install_irqs();
    NVIC_IPR(0) = 0x40;
    NVIC_IPR(1) = 0x20;
    NVIC_IPR(2) = 0x30;
    mp_set_basepri(0x40);
    order_reset();
    NVIC_ISPR(0) = 1;
    mp_isb();
    order_print("b43 basepri40_irq40");
    mp_kv("ispr", NVIC_ISPR(0));
    NVIC_ISPR(0) = 2;
    mp_isb();
    order_print("irq20");
    mp_set_basepri_max(0x60);
    mp_kv("max60", mp_basepri());
    mp_set_basepri_max(0x20);
    mp_kv("max20", mp_basepri());
    NVIC_ISPR(0) = 4;
    mp_isb();
    order_print("irq30");
    mp_set_basepri_max(0);
    mp_kv("max0", mp_basepri());
    mp_set_basepri(0);
    mp_isb();
    order_print("unmasked");
    mp_kv("ispr", NVIC_ISPR(0));
    mp_end_line();
    return 0;
}
