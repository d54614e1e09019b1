/*
 * §9 behaviour 45 (mprofile.md §4.3 set_pending): SVC executed with PRIMASK=1 cannot be taken at its priority, so
 * it escalates to HardFault with HFSR.FORCED; the SVC handler does not run and the HardFault returns after the SVC.
 */
#include "mp.h"

volatile uint32_t hf_count, svc_count, hf_ipsr;

static void hardfault(void) { hf_count++; hf_ipsr = mp_ipsr(); }
static void svc(void) { svc_count++; }

int main(void)
{
    mp_set_handler(EXC_HARDFAULT, hardfault);
    mp_set_handler(EXC_SVC, svc);
    __asm volatile("svc #1");
    mp_kv("b45 plain_svc", svc_count);
    mp_set_primask(1);
    __asm volatile("svc #2");
    mp_set_primask(0);
    mp_kv("svc", svc_count);
    mp_kv("hf", hf_count);
    mp_kv("hf_ipsr", hf_ipsr);
#if __ARM_ARCH_7M__ || __ARM_ARCH_7EM__
    mp_kv("hfsr", SCB_HFSR);
    SCB_HFSR = 1u << 30;
    mp_kv("hfsr_w1c", SCB_HFSR);
#endif
    mp_end_line();
    return 0;
}
