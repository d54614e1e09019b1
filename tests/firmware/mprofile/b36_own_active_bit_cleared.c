/*
 * §9 behaviour 36 (mprofile.md §3 step 5): SVCall clears its own active bit (SHCSR.SVCALLACT) and returns: the
 * exception is not active, so the return is an integrity failure: UsageFault INVPC on the existing frame with
 * LR = 0xFFFFFFF9. The UsageFault handler then returns to Thread with that LR.
 */
#include "mp.h"

static volatile uint32_t uf_lr, uf_cfsr, uf_shcsr;

static void svc_handler(void) { SCB_SHCSR &= ~(1u << 7); }

void b36_usage(uint32_t lr)
{
    uf_lr = lr;
    uf_cfsr = SCB_CFSR;
    SCB_CFSR = uf_cfsr;
    uf_shcsr = SCB_SHCSR;
}

__attribute__((naked)) static void usage_handler(void)
{
    __asm volatile(
        ".syntax unified\n"
        "push {r4, lr}\n"
        "mov r0, lr\n"
        "bl b36_usage\n"
        "pop {r4, pc}\n");
}

int main(void)
{
    mp_set_handler(EXC_SVC, svc_handler);
    mp_set_handler(EXC_USAGEFAULT, usage_handler);
    SCB_SHCSR |= 1u << 18;
    __asm volatile("svc #0" : : : "memory");
    mp_kv("b36 uf_lr", uf_lr);
    mp_kv("cfsr", uf_cfsr);
    mp_kv("shcsr_in_uf", uf_shcsr);
    mp_kv("shcsr_after", SCB_SHCSR);
    mp_end_line();
    return 0;
}
