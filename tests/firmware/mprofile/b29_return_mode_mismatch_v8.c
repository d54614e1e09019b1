/*
 * §9 behaviour 29 (mprofile.md §3 step 16): on v8-M an exception return whose EXC_RETURN says Handler mode while
 * the stacked IPSR is 0 takes UsageFault INVPC on the existing frame before anything is committed: the UsageFault
 * handler sees the SVC handler's SP (nothing popped, nothing pushed) and EXC_RETURN 0xFFFFFFF1. It returns to
 * Thread mode with 0xFFFFFFF9 through the same frame.
 */
#include "tz.h"

volatile uint32_t svc_sp, uf_sp, uf_lr, uf_cfsr, resumed;

__attribute__((naked)) static void svc_handler(void)
{
    __asm volatile(
        "mrs r0, msp\n"
        "ldr r1, =svc_sp\n"
        "str r0, [r1]\n"
        "bic lr, lr, #8\n" /* MODE=0: return to Handler mode */
        "bx lr\n");
}

void uf_c(uint32_t exc_return, uint32_t msp)
{
    uf_lr = exc_return;
    uf_sp = msp;
    uf_cfsr = SCB_CFSR;
    SCB_CFSR = SCB_CFSR;
}

__attribute__((naked)) static void uf_handler(void)
{
    __asm volatile(
        "mov r0, lr\n mrs r1, msp\n push {r0, lr}\n bl uf_c\n pop {r0, lr}\n"
        "orr lr, lr, #8\n" /* back to Thread mode through the untouched frame */
        "bx lr\n");
}

int main(void)
{
    mp_set_handler(EXC_SVC, svc_handler);
    mp_set_handler(EXC_USAGEFAULT, uf_handler);
    SCB_SHCSR |= 1u << 18;
    __asm volatile("svc #0" ::: "memory");
    resumed = 1;
    mp_kv("b29 uf_lr", uf_lr);
    mp_kv("cfsr", uf_cfsr);
    mp_kv("same_sp", uf_sp == svc_sp);
    mp_kv("resumed", resumed);
    mp_end_line();
    return 0;
}
