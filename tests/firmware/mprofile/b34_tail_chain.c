/*
 * §9 behaviour 34 (mprofile.md §2.8, §3 step 11): SVCall pends PendSV at the same priority, which cannot preempt it
 * but can preempt Thread: the return tail-chains into PendSV without unstacking, so PendSV sees the SVC's SP and
 * LR = the EXC_RETURN the SVC handler returned with (0xFFFFFFF9, or 0xFFFFFFFD from Thread on PSP).
 */
#include "mp.h"

static volatile uint32_t svc_sp, pendsv_sp, pendsv_lr, pendsv_count;
static uint32_t psp_stack[128] __attribute__((aligned(8)));

__attribute__((naked)) static void svc_handler(void)
{
    __asm volatile(
        ".syntax unified\n"
        "mov r0, sp\n"
        "ldr r1, =svc_sp\n"
        "str r0, [r1]\n"
        "ldr r0, =0xE000ED04\n"
        "movs r1, #1\n"
        "lsls r1, r1, #28\n"
        "str r1, [r0]\n"
        "dsb\n"
        "isb\n"
        "bx lr\n");
}

__attribute__((naked)) static void pendsv_handler(void)
{
    __asm volatile(
        ".syntax unified\n"
        "mov r0, sp\n"
        "ldr r1, =pendsv_sp\n"
        "str r0, [r1]\n"
        "mov r0, lr\n"
        "ldr r1, =pendsv_lr\n"
        "str r0, [r1]\n"
        "ldr r1, =pendsv_count\n"
        "ldr r0, [r1]\n"
        "adds r0, r0, #1\n"
        "str r0, [r1]\n"
        "bx lr\n");
}

__attribute__((naked, noinline)) static void run_on_psp(void (*fn)(void), uint32_t psp)
{
    __asm volatile(
        ".syntax unified\n"
        "push {r4, lr}\n"
        "msr psp, r1\n"
        "movs r4, #2\n"
        "msr control, r4\n"
        "isb\n"
        "blx r0\n"
        "movs r4, #0\n"
        "msr control, r4\n"
        "isb\n"
        "pop {r4, pc}\n");
}

static void svc_call(void) { __asm volatile("svc #0" : : : "memory"); }

static void report(const char *name)
{
    mp_kv(name, pendsv_count);
    mp_kv("same_sp", pendsv_sp == svc_sp);
    mp_kv("lr", pendsv_lr);
    mp_end_line();
    pendsv_count = 0;
}

int main(void)
{
    mp_set_handler(EXC_SVC, svc_handler);
    mp_set_handler(EXC_PENDSV, pendsv_handler);
    svc_call();
    report("b34 msp pendsv_count");
    run_on_psp(svc_call, (uint32_t)&psp_stack[128]);
    report("b34 psp pendsv_count");
    return 0;
}
