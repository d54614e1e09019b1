/*
 * §9 behaviour 28 (mprofile.md §3 step 7): v7-M accepts only EXC_RETURN low nibbles 0x1, 0x9 and 0xD. Returning from
 * SVCall with 0xFFFFFFF5 takes UsageFault INVPC on the existing frame with LR = 0xFFFFFFF5 (HardFault FORCED when
 * UsageFault is disabled); the fault handler returns to Thread with 0xFFFFFFF9.
 */
#include "mp.h"

static volatile uint32_t f_exc, f_lr, f_cfsr, f_hfsr;

__attribute__((naked)) static void svc_handler(void)
{
    __asm volatile(
        ".syntax unified\n"
        "ldr r0, =0xFFFFFFF5\n"
        "bx r0\n");
}

void b28_fault(uint32_t lr)
{
    f_exc = mp_ipsr();
    f_lr = lr;
    f_cfsr = SCB_CFSR;
    f_hfsr = SCB_HFSR;
    SCB_CFSR = f_cfsr;
    SCB_HFSR = f_hfsr;
}

__attribute__((naked)) static void fault_handler(void)
{
    __asm volatile(
        ".syntax unified\n"
        "mov r0, lr\n"
        "bl b28_fault\n"
        "ldr r0, =0xFFFFFFF9\n"
        "bx r0\n");
}

static void run(const char *name)
{
    f_exc = f_lr = f_cfsr = f_hfsr = 0;
    __asm volatile("svc #0" : : : "r0", "r1", "r2", "r3", "r12", "lr", "memory");
    mp_kv(name, f_exc);
    mp_kv("lr", f_lr);
    mp_kv("cfsr", f_cfsr);
    mp_kv("hfsr", f_hfsr);
    mp_end_line();
}

int main(void)
{
    mp_set_handler(EXC_SVC, svc_handler);
    mp_set_handler(EXC_USAGEFAULT, fault_handler);
    mp_set_handler(EXC_HARDFAULT, fault_handler);
    SCB_SHCSR |= 1u << 18;
    run("b28 uf_enabled exc");
    SCB_SHCSR &= ~(1u << 18);
    run("b28 uf_disabled exc");
    return 0;
}
