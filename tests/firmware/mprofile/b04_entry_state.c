/*
 * §9 behaviour 4 (mprofile.md §2.4 step 6; Armv7-M ARM B1.5.6 ExceptionTaken): on handler entry CONTROL.SPSEL is 0,
 * IPSR is the exception number, ITSTATE is cleared (the handler's first instruction is not conditional even when the
 * SVC was inside an IT block, whose state is in the stacked xPSR) and the local exclusive monitor is cleared (a
 * STREX after the return fails). IT and exclusives exist only on v7-M.
 */
#include "mp.h"

static volatile uint32_t h_control, h_ipsr, h_marker, h_stacked_xpsr;
static uint32_t psp_stack[128] __attribute__((aligned(8)));
static volatile uint32_t excl_word;

__attribute__((naked)) static void svc_handler(void)
{
    __asm volatile(
        ".syntax unified\n"
        "mov r3, #0x55\n" /* would be skipped if the IT state of the SVC (then ne) survived entry */
        "ldr r0, =h_marker\n"
        "str r3, [r0]\n"
        "mrs r0, control\n"
        "ldr r1, =h_control\n"
        "str r0, [r1]\n"
        "mrs r0, ipsr\n"
        "ldr r1, =h_ipsr\n"
        "str r0, [r1]\n"
        "tst lr, #4\n"
        "ite eq\n"
        "mrseq r0, msp\n"
        "mrsne r0, psp\n"
        "ldr r0, [r0, #28]\n"
        "ldr r1, =h_stacked_xpsr\n"
        "str r0, [r1]\n"
        "bx lr\n");
}

__attribute__((naked, noinline)) static void svc_in_it_on_psp(uint32_t psp)
{
    __asm volatile(
        ".syntax unified\n"
        "push {r4, lr}\n"
        "msr psp, r0\n"
        "movs r4, #2\n"
        "msr control, r4\n"
        "isb\n"
        "movs r2, #0\n"
        "cmp r2, #0\n"
        "ite eq\n"
        "svceq #0\n"
        "movne r2, #1\n"
        "movs r4, #0\n"
        "msr control, r4\n"
        "isb\n"
        "pop {r4, pc}\n");
}

static uint32_t strex_after_svc(void)
{
    uint32_t fail, v;
    __asm volatile(
        ".syntax unified\n"
        "ldrex %[v], [%[a]]\n"
        "svc #0\n"
        "strex %[f], %[v], [%[a]]\n"
        : [f] "=&r"(fail), [v] "=&r"(v)
        : [a] "r"(&excl_word)
        : "r0", "r1", "r2", "r3", "r12", "lr", "memory");
    return fail;
}

int main(void)
{
    mp_set_handler(EXC_SVC, svc_handler);
    svc_in_it_on_psp((uint32_t)&psp_stack[128]);
    mp_kv("b04 spsel", (h_control >> 1) & 1);
    mp_kv("ipsr", h_ipsr);
    mp_kv("marker", h_marker);
    mp_kv("stacked_it", ((h_stacked_xpsr >> 25) & 3) | (((h_stacked_xpsr >> 10) & 0x3F) << 2));
    mp_kv("strex_failed", strex_after_svc());
    mp_end_line();
    return 0;
}
