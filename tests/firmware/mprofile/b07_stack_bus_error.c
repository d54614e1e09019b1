/*
 * §9 behaviour 7 (mprofile.md §2.3 step 6, §2.7; seed 000): an exception entry whose stack is unassigned memory
 * (PSP at 0x30000100 on MPS2; 0x20010000 on the micro:bit) fails the first frame write: BFSR.STKERR (no BFARVALID),
 * a derived BusFault (HardFault on v6-M), SP still lowered by the frame size, and the original SVCall still pending.
 */
#include "mp.h"

#if __ARM_ARCH_7M__ || __ARM_ARCH_7EM__
#define BAD_STACK 0x30000100u
#else
#define BAD_STACK 0x20010000u
#endif

static volatile uint32_t dummy;

void b07_fault(uint32_t lr)
{
    mp_kv("b07 exc", mp_ipsr());
    mp_kv("lr", lr);
    mp_kv("psp", mp_psp());
    mp_kv("vectpending", (SCB_ICSR >> 12) & 0x1FF);
#if __ARM_ARCH_7M__ || __ARM_ARCH_7EM__
    mp_kv("cfsr", SCB_CFSR);
    mp_kv("hfsr", SCB_HFSR);
    mp_kv("shcsr", SCB_SHCSR);
    mp_kv("bfar_valid", (SCB_CFSR >> 15) & 1);
#endif
    mp_end_line();
    mp_exit(0);
}

__attribute__((naked)) static void fault_handler(void)
{
    __asm volatile(
        ".syntax unified\n"
        "mov r0, lr\n"
        "bl b07_fault\n");
}

int main(void)
{
    mp_set_handler(EXC_HARDFAULT, fault_handler);
#if __ARM_ARCH_7M__ || __ARM_ARCH_7EM__
    mp_set_handler(EXC_BUSFAULT, fault_handler);
    SCB_SHCSR |= 1u << 17;
#endif
    mp_set_psp(BAD_STACK);
    __asm volatile(
        ".syntax unified\n"
        "movs r0, #2\n"
        "msr control, r0\n"
        "isb\n"
        "svc #0\n"
        : : : "r0", "memory");
    mp_line("b07 not reached");
    return 1;
}
