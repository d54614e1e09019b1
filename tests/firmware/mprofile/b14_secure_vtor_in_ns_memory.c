/*
 * §9 behaviour 14 (mprofile.md §2.6): a Secure exception's vector table may sit in Non-secure memory; the read
 * is made with NS attributes (the MPC sees an NS access to NS blocks) and succeeds. VTOR_S points at a copy of the
 * kit's table in the NS window; an SVC and a Secure IRQ (ITNS=0) are taken through it.
 */
#include "tz.h"

TZ_NS_BSS volatile uint32_t ns_table[64] __attribute__((aligned(256)));
volatile uint32_t svc_count, irq_count, irq_lr;

static void svc_handler(void)
{
    svc_count++;
}

void irq_c(uint32_t exc_return, uint32_t msp)
{
    (void)msp;
    irq_lr = exc_return;
    irq_count++;
}
TZ_HANDLER(irq_handler, irq_c)

int main(void)
{
    tz_init();
    for (int i = 0; i < 64; i++) {
        ns_table[i] = mp_vectors[i];
    }
    ns_table[EXC_SVC] = (uint32_t)svc_handler;
    ns_table[EXC_IRQ0 + TZ_TEST_IRQ] = (uint32_t)irq_handler;
    SCB_VTOR = (uint32_t)ns_table;
    mp_isb();
    __asm volatile("svc #0" ::: "memory");
    NVIC_ISER(TZ_TEST_IRQ / 32) = 1u << (TZ_TEST_IRQ % 32);
    NVIC_ISPR(TZ_TEST_IRQ / 32) = 1u << (TZ_TEST_IRQ % 32);
    mp_isb();
    uint32_t vtor = SCB_VTOR;
    SCB_VTOR = (uint32_t)mp_vectors;
    mp_isb();
    mp_kv("b14 vtor_s_is_ns_table", vtor == (uint32_t)ns_table);
    mp_kv("svc_count", svc_count);
    mp_kv("irq_count", irq_count);
    mp_kv("irq_lr", irq_lr);
    mp_kv("hfsr", SCB_HFSR);
    mp_end_line();
    return 0;
}
