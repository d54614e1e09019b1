/*
 * §9 behaviour 44, second half (mprofile.md §2.1, §8.1): with FAULTMASK=1 the execution priority is -1, so a
 * synchronous fault (UDF) can neither be taken nor escalate to HardFault: the core locks up. QEMU 7.2 aborts
 * ("qemu: fatal: Lockup: can't escalate 3 to HardFault (current priority -1)"); Nemu enters lockup, reports
 * "CPU Lockup: ..." on -d guest_errors and stays there. The HardFault handler must not run.
 */
#include "mp.h"

static void hardfault(void)
{
    mp_line("b44 hardfault ran");
    mp_exit(2);
}

int main(void)
{
    mp_set_handler(EXC_HARDFAULT, hardfault);
    mp_set_handler(EXC_USAGEFAULT, hardfault);
    mp_line("b44 faultmask lockup start");
    mp_set_faultmask(1);
    __asm volatile("udf #44" : : : "memory");
    mp_line("b44 continued after udf");
    return 3;
}
