/*
 * §9 behaviour 33, bus part (mprofile.md §3 step 14; seed 000): SVCall sets PSP to unassigned memory and returns with
 * 0xFFFFFFFD. The first pop fails: BFSR.UNSTKERR (no BFARVALID), BusFault (HardFault FORCED when disabled) tail-chains
 * in Handler mode on the existing state with LR = 0xFFFFFFFD and CONTROL.SPSEL already taken from it, PSP unchanged.
 * The fault handler returns to Thread with 0xFFFFFFF9 (the SVC's own frame is still on MSP).
 */
#include "mp.h"

#define BAD_STACK 0x30000100u

static volatile uint32_t f_exc, f_lr, f_cfsr, f_hfsr, f_psp;

__attribute__((naked)) static void svc_handler(void)
{
    __asm volatile(
        ".syntax unified\n"
        "ldr r0, =0x30000100\n"
        "msr psp, r0\n"
        "ldr r0, =0xFFFFFFFD\n"
        "bx r0\n");
}

void b33_fault(uint32_t lr)
{
    f_exc = mp_ipsr();
    f_lr = lr;
    f_cfsr = SCB_CFSR;
    f_hfsr = SCB_HFSR;
    f_psp = mp_psp();
    SCB_CFSR = f_cfsr;
    SCB_HFSR = f_hfsr;
}

__attribute__((naked)) static void fault_handler(void)
{
    __asm volatile(
        ".syntax unified\n"
        "mov r0, lr\n"
        "bl b33_fault\n"
        "ldr r0, =0xFFFFFFF9\n"
        "bx r0\n");
}

static void run(const char *name)
{
    f_exc = f_lr = f_cfsr = f_hfsr = f_psp = 0;
    __asm volatile("svc #0" : : : "r0", "r1", "r2", "r3", "r12", "lr", "memory");
    mp_kv(name, f_exc);
    mp_kv("lr", f_lr);
    mp_kv("cfsr", f_cfsr);
    mp_kv("hfsr", f_hfsr);
    mp_kv("psp_unchanged", f_psp == BAD_STACK);
    mp_end_line();
}

int main(void)
{
    mp_set_handler(EXC_SVC, svc_handler);
    mp_set_handler(EXC_BUSFAULT, fault_handler);
    mp_set_handler(EXC_HARDFAULT, fault_handler);
    SCB_SHCSR |= 1u << 17;
    run("b33 bf_enabled exc");
    SCB_SHCSR &= ~(1u << 17);
    run("b33 bf_disabled exc");
    return 0;
}
