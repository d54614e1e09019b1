/*
 * §9 behaviour 37 (mprofile.md §3 step 15, §8.12): a stacked return address with bit 0 set is accepted, the bit is
 * ignored and execution continues at PC & ~1 (QEMU logs a guest error on v7-M, which -d guest_errors shows).
 */
#include "mp.h"

static volatile uint32_t reached;

__attribute__((naked)) static void svc_handler(void)
{
    __asm volatile(
        ".syntax unified\n"
        "mrs r0, msp\n"
        "ldr r1, [r0, #24]\n"
        "movs r2, #1\n"
        "orrs r1, r2\n"
        "str r1, [r0, #24]\n"
        "bx lr\n");
}

int main(void)
{
    mp_set_handler(EXC_SVC, svc_handler);
    __asm volatile(
        ".syntax unified\n"
        "svc #0\n"
        "movs r0, #1\n"
        "ldr r1, =reached\n"
        "str r0, [r1]\n"
        : : : "r0", "r1", "r2", "r3", "memory");
    mp_kv("b37 reached", reached);
    mp_end_line();
    return 0;
}
