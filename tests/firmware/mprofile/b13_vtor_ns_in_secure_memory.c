/*
 * §9 behaviour 13 (mprofile.md §2.6 arm_v7m_load_vector, Armv8-M ARM B3.30 "Vector tables"): the vector of a
 * Non-secure exception is read as the target state; with VTOR_NS pointing at Secure memory the read fails and a
 * Secure HardFault (AIRCR.BFHFNMINS=0) is taken with HFSR.VECTTBL|FORCED. The NS entry had already pushed the
 * callee frame, so the tail-chained Secure HardFault gets EXC_RETURN with S=1, ES=1 and DCRS=0 (it pops that frame).
 */
#include "tz.h"

volatile uint32_t hf_lr, hf_hfsr, hf_pending, hf_vtor_ns;
volatile uint32_t secure_table[64] __attribute__((aligned(256)));

void hf_c(uint32_t exc_return, uint32_t msp)
{
    (void)msp;
    hf_lr = exc_return;
    hf_hfsr = SCB_HFSR;
    hf_pending = (NVIC_ISPR(TZ_TEST_IRQ / 32) >> (TZ_TEST_IRQ % 32)) & 1;
    hf_vtor_ns = SCB_VTOR_NS;
    NVIC_ICPR(TZ_TEST_IRQ / 32) = 1u << (TZ_TEST_IRQ % 32);
    SCB_HFSR = SCB_HFSR;
    SCB_VTOR_NS = (uint32_t)tz_ns_vectors;
}
TZ_HANDLER(hf_handler, hf_c)

int main(void)
{
    tz_init();
    mp_set_handler(EXC_HARDFAULT, hf_handler);
    for (int i = 0; i < 64; i++) {
        secure_table[i] = (uint32_t)tz_ns_unexpected;
    }
    SCB_VTOR_NS = (uint32_t)secure_table;
    NVIC_ITNS(TZ_TEST_IRQ / 32) |= 1u << (TZ_TEST_IRQ % 32);
    NVIC_ISER(TZ_TEST_IRQ / 32) = 1u << (TZ_TEST_IRQ % 32);
    NVIC_ISPR(TZ_TEST_IRQ / 32) = 1u << (TZ_TEST_IRQ % 32);
    mp_isb();
    mp_kv("b13 hf_lr", hf_lr);
    mp_kv("hfsr", hf_hfsr);
    mp_kv("irq_still_pending", hf_pending);
    mp_kv("vtor_ns_was_secure", hf_vtor_ns == (uint32_t)secure_table);
    mp_end_line();
    return 0;
}
