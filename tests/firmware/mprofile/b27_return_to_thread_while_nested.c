/*
 * §9 behaviour 27 (mprofile.md §3 steps 5, 7, 10): a handler that preempted another one returns with EXC_RETURN
 * 0xFFFFFFF9 (Thread, MSP) while the outer handler is still active and CCR.NONBASETHRDENA is 0. The integrity check
 * fails after deactivation: UsageFault INVPC is taken on the EXISTING frame (tail-chain, LR = the EXC_RETURN that
 * failed, SP unchanged); its handler returns with 0xFFFFFFF1 to the outer SVC handler, which returns normally.
 */
#include "mp.h"

static volatile uint32_t uf_lr, uf_cfsr, uf_sp, pendsv_sp, uf_active_svc, svc_done;

__attribute__((naked)) static void pendsv_handler(void)
{
    __asm volatile(
        ".syntax unified\n"
        "mrs r0, msp\n"
        "ldr r1, =pendsv_sp\n"
        "str r0, [r1]\n"
        "ldr r0, =0xFFFFFFF9\n"
        "bx r0\n");
}

void b27_usage(uint32_t lr, uint32_t sp)
{
    uf_lr = lr;
    uf_sp = sp;
    uf_cfsr = SCB_CFSR;
    SCB_CFSR = uf_cfsr;
    uf_active_svc = (SCB_SHCSR >> 7) & 1;
}

__attribute__((naked)) static void usage_handler(void)
{
    __asm volatile(
        ".syntax unified\n"
        "mov r0, lr\n"
        "mrs r1, msp\n"
        "push {r4, lr}\n"
        "bl b27_usage\n"
        "pop {r4, lr}\n"
        "ldr r0, =0xFFFFFFF1\n"
        "bx r0\n");
}

static void svc_handler(void)
{
    SCB_ICSR = 1u << 28; /* PENDSVSET: PendSV (priority 0x00) preempts SVCall (0x80) */
    mp_isb();
    svc_done = 1;
}

int main(void)
{
    mp_set_handler(EXC_SVC, svc_handler);
    mp_set_handler(EXC_PENDSV, pendsv_handler);
    mp_set_handler(EXC_USAGEFAULT, usage_handler);
    SCB_SHCSR |= 1u << 18;
    SCB_SHPR2 = 0x80u << 24; /* SVCall 0x80 */
    __asm volatile("svc #0" : : : "memory");
    mp_kv("b27 uf_lr", uf_lr);
    mp_kv("cfsr", uf_cfsr);
    mp_kv("same_sp", uf_sp == pendsv_sp);
    mp_kv("svc_active_in_uf", uf_active_svc);
    mp_kv("svc_done", svc_done);
    mp_end_line();
    return 0;
}
