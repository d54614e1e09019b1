/*
 * §9 behaviour 2 (mprofile.md §1.2, §2.2; Armv7-M ARM B1.5.6 ExceptionEntry): the EXC_RETURN value in LR on entry is
 * 0xFFFFFFF9 from Thread on MSP, 0xFFFFFFFD from Thread on PSP and 0xFFFFFFF1 from Handler mode; with an active FP
 * context (CONTROL.FPCA, FP builds only) FTYPE is 0: 0xFFFFFFE9 / 0xFFFFFFED / 0xFFFFFFE1. The nested case is an NMI
 * pended from the SVC handler.
 */
#include "mp.h"

static volatile uint32_t lr_seen[4];
static volatile int seen;
static volatile int nest_nmi, fp_in_handler;
static uint32_t psp_stack[128] __attribute__((aligned(8)));

void b02_record(uint32_t lr)
{
    lr_seen[seen++ & 3] = lr;
    if (nest_nmi) {
        nest_nmi = 0;
#if defined(__ARM_FP)
        if (fp_in_handler) {
            __asm volatile("vmov.f32 s1, #1.0" : : : "s1");
        }
#endif
        SCB_ICSR = 1u << 31;
        mp_isb();
    }
}

__attribute__((naked)) static void record_handler(void)
{
    __asm volatile(
        ".syntax unified\n"
        "push {r4, lr}\n"
        "mov r0, lr\n"
        "bl b02_record\n"
        "pop {r4, pc}\n");
}

/* Calls fn with Thread mode on PSP (top of psp_stack), back on MSP afterwards. */
__attribute__((naked, noinline)) static void run_on_psp(void (*fn)(void), uint32_t psp)
{
    __asm volatile(
        ".syntax unified\n"
        "push {r4, lr}\n"
        "msr psp, r1\n"
        "mrs r2, control\n"
        "movs r4, #2\n"
        "orrs r2, r4\n"
        "msr control, r2\n"
        "isb\n"
        "blx r0\n"
        "mrs r2, control\n"
        "movs r4, #2\n"
        "bics r2, r4\n"
        "msr control, r2\n"
        "isb\n"
        "pop {r4, pc}\n");
}

static void svc_call(void) { __asm volatile("svc #0" : : : "memory"); }

#if defined(__ARM_FP)
static void fp_touch(void) { __asm volatile("vmov.f32 s0, #1.0" : : : "s0"); }
static void fp_svc_call(void) { fp_touch(); svc_call(); }
#endif

static void report(const char *what)
{
    mp_kv(what, lr_seen[0]);
    if (seen > 1) {
        mp_kv("nested", lr_seen[1]);
    }
    mp_end_line();
    seen = 0;
}

int main(void)
{
    mp_set_handler(EXC_SVC, record_handler);
    mp_set_handler(EXC_NMI, record_handler);
    uint32_t psp = (uint32_t)&psp_stack[128];

    svc_call();
    report("b02 thread_msp");
    run_on_psp(svc_call, psp);
    report("b02 thread_psp");
    nest_nmi = 1;
    svc_call();
    report("b02 handler");
#if defined(__ARM_FP)
    fp_touch();
    svc_call();
    report("b02 fp thread_msp");
    run_on_psp(fp_svc_call, psp);
    report("b02 fp thread_psp");
    fp_in_handler = 1;
    nest_nmi = 1;
    fp_touch();
    svc_call();
    report("b02 fp handler");
#endif
    return 0;
}
