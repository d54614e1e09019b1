/*
 * §9 behaviour 11 (mprofile.md §2.6, §2.7, §8.1): with VTOR pointing at unassigned memory, a fault escalates to
 * HardFault whose vector cannot be read: the derived HardFault is terminal and cannot preempt the HardFault being
 * entered, so the core locks up. QEMU aborts ("Lockup: can't take terminal derived exception"); Nemu stops the core
 * and reports the lockup on -d guest_errors. Nothing is printed after "b11 start".
 */
#include "mp.h"

#if __ARM_ARCH_7M__ || __ARM_ARCH_7EM__
#define BAD_VTOR 0x30000000u
#else
#define BAD_VTOR 0x20010000u
#endif

int main(void)
{
    mp_line("b11 start");
    console_flush();
    SCB_VTOR = BAD_VTOR;
    mp_isb();
    __asm volatile(".syntax unified\n udf #0\n" : : : "memory");
    mp_line("b11 not reached");
    return 1;
}
