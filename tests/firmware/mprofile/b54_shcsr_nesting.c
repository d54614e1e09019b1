/*
 * §9 behaviour 54 (mprofile.md §4.5 SHCSR): the active bits show nesting (a UsageFault inside the SVCall handler
 * sees SVCALLACT and USGFAULTACT), and writing MEMFAULTPENDED with MemManage enabled pends MemManage, which runs
 * with MEMFAULTACT set.
 */
#include "mp.h"

volatile uint32_t shcsr_in_uf, shcsr_in_svc, shcsr_in_mm, cfsr_in_uf, mm_runs;

__attribute__((naked)) static void usagefault(void)
{
    __asm volatile(
        "ldr r2, =0xE000ED24\n"
        "ldr r3, [r2]\n"
        "ldr r1, =shcsr_in_uf\n"
        "str r3, [r1]\n"
        "ldr r3, [r2, #4]\n"
        "ldr r1, =cfsr_in_uf\n"
        "str r3, [r1]\n"
        "str r3, [r2, #4]\n"
        "mrs r0, msp\n"
        "ldr r1, [r0, #24]\n"
        "adds r1, r1, #2\n"
        "str r1, [r0, #24]\n"
        "bx lr\n");
}

static void svc(void)
{
    shcsr_in_svc = SCB_SHCSR;
    __asm volatile("udf #0");
}

static void memmanage(void)
{
    mm_runs++;
    shcsr_in_mm = SCB_SHCSR;
}

int main(void)
{
    mp_set_handler(EXC_USAGEFAULT, usagefault);
    mp_set_handler(EXC_SVC, svc);
    mp_set_handler(EXC_MEMMANAGE, memmanage);
    SCB_SHPR2 = 0x80000000;
    SCB_SHPR1 = 0x00400000;
    SCB_SHCSR = 1u << 18;
    __asm volatile("svc #0");
    mp_kv("b54 in_svc", shcsr_in_svc);
    mp_kv("in_uf", shcsr_in_uf);
    mp_kv("uf_cfsr", cfsr_in_uf);
    mp_kv("after", SCB_SHCSR);
    mp_end_line();
    SCB_SHCSR = (1u << 18) | (1u << 16) | (1u << 13);
    mp_isb();
    mp_kv("b54 mm_runs", mm_runs);
    mp_kv("in_mm", shcsr_in_mm);
    mp_kv("after", SCB_SHCSR);
    mp_end_line();
    return 0;
}
