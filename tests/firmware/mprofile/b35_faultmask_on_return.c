/*
 * §9 behaviour 35 (mprofile.md §3 step 4): exception return clears FAULTMASK unless the returning exception is the
 * NMI. Thread sets FAULTMASK and pends NMI (which still preempts): after its return FAULTMASK is still 1. SVCall
 * sets FAULTMASK itself: after its return FAULTMASK is 0.
 */
#include "mp.h"

static volatile uint32_t nmi_count;

static void nmi_handler(void) { nmi_count++; }
static void svc_handler(void) { mp_set_faultmask(1); }

int main(void)
{
    mp_set_handler(EXC_NMI, nmi_handler);
    mp_set_handler(EXC_SVC, svc_handler);
    mp_set_faultmask(1);
    SCB_ICSR = 1u << 31;
    mp_isb();
    uint32_t after_nmi = mp_faultmask();
    mp_set_faultmask(0);
    __asm volatile("svc #0" : : : "memory");
    uint32_t after_svc = mp_faultmask();
    mp_kv("b35 nmi_count", nmi_count);
    mp_kv("faultmask_after_nmi", after_nmi);
    mp_kv("faultmask_after_svc", after_svc);
    mp_end_line();
    return 0;
}
