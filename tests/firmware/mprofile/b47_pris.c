/*
 * §9 behaviour 47 (mprofile.md §4.2; Armv8-M ARM B3.9 "Exception priorities and preemption", AIRCR.PRIS): with
 * PRIS=1 a Non-secure priority p counts as (p >> 1) + 0x80. An active NS IRQ at priority 0x00 therefore runs at
 * 0x80: a Secure IRQ at 0x40 pended from its handler (through a Secure entry function) preempts it at once, one at
 * 0x90 waits for it to finish. PRIMASK_NS then raises the execution priority only to 0x80: a Secure IRQ at 0x40 is
 * still taken, one at 0x90 is not until PRIMASK_NS is cleared.
 */
#include "tz.h"

enum { IRQ_NS = 3, IRQ_S_HIGH = 4, IRQ_S_LOW = 5 };

TZ_NS_BSS volatile uint32_t order[8];
TZ_NS_BSS volatile uint32_t order_pos;

static void log_event(uint32_t what)
{
    order[order_pos++ & 7] = what;
}

void ns_pend(uint32_t bits);
TZ_NSC_STUB(ns_pend, s_pend);
__attribute__((cmse_nonsecure_entry)) void s_pend(uint32_t bits)
{
    NVIC_ISPR(0) = bits;
    mp_isb();
}

TZ_NS_FN void ns_irq(void)
{
    order[order_pos++ & 7] = 0xA1;
    ns_pend((1u << IRQ_S_HIGH) | (1u << IRQ_S_LOW));
    order[order_pos++ & 7] = 0xA2;
}

void s_irq_high(void) { log_event(0xB0); }
void s_irq_low(void) { log_event(0xC0); }

int main(void)
{
    tz_init();
    mp_set_handler(EXC_IRQ0 + IRQ_S_HIGH, s_irq_high);
    mp_set_handler(EXC_IRQ0 + IRQ_S_LOW, s_irq_low);
    tz_ns_set_handler(EXC_IRQ0 + IRQ_NS, ns_irq);
    SCB_AIRCR = 0x05FA0000u | (1u << 14);
    NVIC_ITNS(0) = 1u << IRQ_NS;
    NVIC_IPR(IRQ_NS) = 0x00;
    NVIC_IPR(IRQ_S_HIGH) = 0x40;
    NVIC_IPR(IRQ_S_LOW) = 0x90;
    NVIC_ISER(0) = (1u << IRQ_NS) | (1u << IRQ_S_HIGH) | (1u << IRQ_S_LOW);
    mp_kv("b47 aircr", SCB_AIRCR);
    mp_kv("aircr_ns", SCB_AIRCR_NS);
    mp_end_line();

    NVIC_ISPR(0) = 1u << IRQ_NS;
    mp_isb();
    mp_kv("b47 order_n", order_pos);
    for (uint32_t i = 0; i < order_pos && i < 8; i++) {
        mp_kv("e", order[i]);
    }
    mp_end_line();

    /* PRIMASK_NS with PRIS: execution priority 0x80. */
    order_pos = 0;
    __asm volatile("msr primask_ns, %0" : : "r"(1u) : "memory");
    NVIC_ISPR(0) = 1u << IRQ_S_LOW;
    mp_isb();
    NVIC_ISPR(0) = 1u << IRQ_S_HIGH;
    mp_isb();
    uint32_t pending = NVIC_ISPR(0);
    __asm volatile("msr primask_ns, %0" : : "r"(0u) : "memory");
    mp_isb();
    mp_kv("b47 primask_ns_pending", pending);
    mp_kv("order_n", order_pos);
    for (uint32_t i = 0; i < order_pos && i < 8; i++) {
        mp_kv("e", order[i]);
    }
    mp_end_line();
    NVIC_ICER(0) = 0xFFFFFFFFu;
    SCB_AIRCR = 0x05FA0000u;
    return 0;
}
