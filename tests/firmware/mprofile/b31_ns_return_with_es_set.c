/*
 * §9 behaviour 31 (mprofile.md §3 steps 3-5, 10): a Non-secure handler returning with EXC_RETURN.ES=1 takes a
 * SecureFault INVER on the existing frame; ES is treated as 0, so FAULTMASK_NS is cleared and the NS IRQ is
 * deactivated first. The SecureFault tail-chains with EXC_RETURN S=1, ES=1, DCRS=0 (the IRQ preempted Secure Thread
 * code, so the callee frame is popped by the SecureFault's own return, which resumes Thread mode).
 */
#include "tz.h"

volatile uint32_t sf_lr, sf_sfsr, sf_faultmask_ns, sf_irq_active, resumed;

__attribute__((naked)) TZ_NS_FN void ns_irq_handler(void)
{
    __asm volatile("movs r0, #1\n msr faultmask, r0\n orr lr, lr, #1\n bx lr\n");
}

void sf_c(uint32_t exc_return, uint32_t msp)
{
    (void)msp;
    sf_lr = exc_return;
    sf_sfsr = SCB_SFSR;
    sf_faultmask_ns = tz_faultmask_ns();
    sf_irq_active = (NVIC_IABR(TZ_TEST_IRQ / 32) >> (TZ_TEST_IRQ % 32)) & 1;
    SCB_SFSR = SCB_SFSR;
}
TZ_HANDLER(sf_handler, sf_c)

int main(void)
{
    tz_init();
    mp_set_handler(EXC_SECUREFAULT, sf_handler);
    SCB_SHCSR |= SHCSR_SECUREFAULTENA;
    tz_ns_set_handler(EXC_IRQ0 + TZ_TEST_IRQ, ns_irq_handler);
    NVIC_ITNS(TZ_TEST_IRQ / 32) |= 1u << (TZ_TEST_IRQ % 32);
    NVIC_ISER(TZ_TEST_IRQ / 32) = 1u << (TZ_TEST_IRQ % 32);
    NVIC_ISPR(TZ_TEST_IRQ / 32) = 1u << (TZ_TEST_IRQ % 32);
    mp_isb();
    resumed = 1;
    mp_kv("b31 sf_lr", sf_lr);
    mp_kv("sfsr", sf_sfsr);
    mp_kv("faultmask_ns", sf_faultmask_ns);
    mp_kv("irq_active", sf_irq_active);
    mp_kv("resumed", resumed);
    mp_end_line();
    return 0;
}
