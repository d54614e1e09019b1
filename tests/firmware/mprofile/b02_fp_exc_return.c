/*
 * §9 behaviour 2, FP part (mprofile.md §1.2, §2.2; Armv7-M ARM B1.5.6): EXC_RETURN.FTYPE is 0 when CONTROL.FPCA
 * was set at the exception entry, giving 0xFFFFFFE9 (Thread, MSP), 0xFFFFFFED (Thread, PSP) and 0xFFFFFFE1
 * (Handler) instead of F9/FD/F1. The entry clears CONTROL.FPCA in the handler; the return sets it to !FTYPE.
 * Handler-mode entries come from PendSV (prio 0) pended inside the SVC handler (prio 0x80), after an FP
 * instruction (FPCA=1) or without one (FPCA=0).
 */
#include "mp.h"

volatile uint32_t nest_fp, svc_lr, svc_control, pendsv_lr, pendsv_control;

__attribute__((naked)) static void pendsv_handler(void)
{
    __asm volatile(
        "ldr r2, =pendsv_lr\n str lr, [r2]\n"
        "mrs r1, control\n ldr r2, =pendsv_control\n str r1, [r2]\n"
        "bx lr\n");
}

__attribute__((naked)) static void svc_handler(void)
{
    __asm volatile(
        "ldr r2, =svc_lr\n str lr, [r2]\n"
        "mrs r1, control\n ldr r2, =svc_control\n str r1, [r2]\n"
        "ldr r0, =nest_fp\n ldr r0, [r0]\n cbz r0, 1f\n"
        "vmov s1, r0\n"
        "1: ldr r0, =0xE000ED04\n mov r1, #0x10000000\n str r1, [r0]\n dsb\n isb\n"
        "bx lr\n");
}

/* SVC from Thread mode with FPCA set by an FP instruction (fp != 0) or cleared through CONTROL; returns CONTROL after. */
__attribute__((noinline)) static uint32_t svc_case(uint32_t fp)
{
    uint32_t control;
    __asm volatile(
        "cbz %[fp], 1f\n"
        "vmov s0, %[fp]\n"
        "b 2f\n"
        "1: mrs r1, control\n bic r1, r1, #4\n msr control, r1\n isb\n"
        "2: svc #0\n"
        "mrs %[c], control\n"
        : [c] "=&l"(control)
        : [fp] "l"(fp)
        : "r0", "r1", "r2", "r3", "memory");
    return control;
}

static void report(const char *name, uint32_t fp, uint32_t nest)
{
    nest_fp = nest;
    pendsv_lr = pendsv_control = 0;
    uint32_t after = svc_case(fp);
    mp_kv(name, fp);
    mp_kv("nest_fp", nest);
    mp_kv("svc_lr", svc_lr);
    mp_kv("svc_control", svc_control);
    mp_kv("pendsv_lr", pendsv_lr);
    mp_kv("pendsv_control", pendsv_control);
    mp_kv("control_after", after);
    mp_end_line();
}

static uint32_t psp_stack[128] __attribute__((aligned(8)));

int main(void)
{
    mp_set_handler(EXC_SVC, svc_handler);
    mp_set_handler(EXC_PENDSV, pendsv_handler);
    REG8(0xE000ED1F) = 0x80; /* SVCall */
    REG8(0xE000ED22) = 0x00; /* PendSV */
    report("b02 msp fp", 0, 0);
    report("b02 msp fp", 1, 0);
    report("b02 msp fp", 0, 1);
    report("b02 msp fp", 1, 1);
    mp_set_psp((uint32_t)&psp_stack[128]);
    mp_set_control(mp_control() | 2);
    report("b02 psp fp", 0, 0);
    report("b02 psp fp", 1, 0);
    mp_set_control(mp_control() & ~2u);
    return 0;
}
