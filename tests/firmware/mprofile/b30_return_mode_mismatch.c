/*
 * §9 behaviour 30 (mprofile.md §3 step 20): on v7-M the stacked IPSR is checked against EXC_RETURN.MODE only after
 * the frame was popped. SVCall from Thread returning with 0xFFFFFFF1 (Handler) pops a frame with IPSR 0: UsageFault
 * INVPC is taken on a NEW frame (pushed in Thread mode on MSP; its stacked PC is the SVC's return address and SP is
 * back where Thread had it, minus the new frame), LR = 0xFFFFFFF1. The fault handler returns with 0xFFFFFFF9.
 */
#include "mp.h"

static volatile uint32_t f_lr, f_cfsr, f_pc, f_frame, svc_frame, f_ipsr_stacked;
extern const char b30_after_svc[];

__attribute__((naked)) static void svc_handler(void)
{
    __asm volatile(
        ".syntax unified\n"
        "mrs r0, msp\n"
        "ldr r1, =svc_frame\n"
        "str r0, [r1]\n"
        "ldr r0, =0xFFFFFFF1\n"
        "bx r0\n");
}

void b30_fault(uint32_t lr, uint32_t *frame)
{
    f_lr = lr;
    f_cfsr = SCB_CFSR;
    SCB_CFSR = f_cfsr;
    f_pc = frame[6];
    f_ipsr_stacked = frame[7] & 0x1FF;
    f_frame = (uint32_t)frame;
}

__attribute__((naked)) static void usage_handler(void)
{
    __asm volatile(
        ".syntax unified\n"
        "mov r0, lr\n"
        "mrs r1, msp\n"
        "push {r4, lr}\n"
        "bl b30_fault\n"
        "pop {r4, lr}\n"
        "ldr r0, =0xFFFFFFF9\n"
        "bx r0\n");
}

int main(void)
{
    mp_set_handler(EXC_SVC, svc_handler);
    mp_set_handler(EXC_USAGEFAULT, usage_handler);
    SCB_SHCSR |= 1u << 18;
    __asm volatile(".syntax unified\n svc #0\n .global b30_after_svc\n b30_after_svc:\n"
                   : : : "r0", "r1", "r2", "r3", "r12", "lr", "memory");
    mp_kv("b30 lr", f_lr);
    mp_kv("cfsr", f_cfsr);
    mp_kv("pc_after_svc", f_pc == (uint32_t)b30_after_svc);
    mp_kv("stacked_ipsr", f_ipsr_stacked);
    mp_kv("same_frame_address", f_frame == svc_frame);
    mp_end_line();
    return 0;
}
