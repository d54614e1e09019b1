/*
 * §9 behaviour 51 (mprofile.md §4.3): an external interrupt held high by its device stays pending when ICPR is
 * written while it is not active; once the device drops the line ICPR clears it. A pulse (ISPR with the line low)
 * runs the handler exactly once. The source is CMSDK APB timer 0 of mps2-an385 (IRQ 8, level while INTSTATUS and
 * CTRL.IRQEN are set).
 */
#include "mp.h"

#define TIMER0 0x40000000u
#define T_CTRL REG32(TIMER0 + 0x0)
#define T_RELOAD REG32(TIMER0 + 0x8)
#define T_VALUE REG32(TIMER0 + 0x4)
#define T_INT REG32(TIMER0 + 0xC)
#define TIMER_IRQ 8

volatile uint32_t runs;

static void timer_irq(void) { runs++; }

int main(void)
{
    mp_set_handler(EXC_IRQ0 + TIMER_IRQ, timer_irq);
    T_RELOAD = 100;
    T_VALUE = 100;
    T_CTRL = 1 | 8;
    while (!(T_INT & 1)) {
    }
    T_CTRL = 8; /* stop counting, keep the interrupt line high */
    mp_kv("b51 pending", (NVIC_ISPR(0) >> TIMER_IRQ) & 1);
    NVIC_ICPR(0) = 1u << TIMER_IRQ;
    mp_kv("after_icpr_high", (NVIC_ISPR(0) >> TIMER_IRQ) & 1);
    T_INT = 1;
    mp_kv("line_low_still", (NVIC_ISPR(0) >> TIMER_IRQ) & 1);
    NVIC_ICPR(0) = 1u << TIMER_IRQ;
    mp_kv("after_icpr_low", (NVIC_ISPR(0) >> TIMER_IRQ) & 1);
    NVIC_ISER(0) = 1u << TIMER_IRQ;
    NVIC_ISPR(0) = 1u << TIMER_IRQ;
    mp_isb();
    mp_kv("pulse_runs", runs);
    mp_kv("pending_after", (NVIC_ISPR(0) >> TIMER_IRQ) & 1);
    mp_end_line();
    T_CTRL = 0;
    return 0;
}
