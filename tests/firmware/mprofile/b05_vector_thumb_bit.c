/*
 * §9 behaviour 5 (mprofile.md §2.4 step 6, §2.1 INVSTATE): a vector with bit 0 clear branches with EPSR.T = 0, so the
 * handler's first instruction takes UsageFault INVSTATE (HardFault FORCED when UsageFault is disabled or cannot
 * preempt the SVCall, HardFault on v6-M) with the vector address as the stacked PC. The fault handler repairs the frame (T set) so the SVC handler
 * then runs normally.
 */
#include "mp.h"

static volatile uint32_t svc_ran, fault_exc, fault_pc, fault_cfsr, fault_hfsr, fault_xpsr;

static void svc_handler(void) { svc_ran++; }

void b05_fault(uint32_t *frame)
{
    fault_exc = mp_ipsr();
    fault_pc = frame[6];
    fault_xpsr = frame[7];
#if __ARM_ARCH_7M__ || __ARM_ARCH_7EM__
    fault_cfsr = SCB_CFSR;
    fault_hfsr = SCB_HFSR;
    SCB_CFSR = fault_cfsr;
    SCB_HFSR = fault_hfsr;
#endif
    frame[7] |= 1u << 24;
}

__attribute__((naked)) static void fault_handler(void)
{
    __asm volatile(
        ".syntax unified\n"
        "push {r4, lr}\n"
        "mrs r0, msp\n"
        "adds r0, r0, #8\n"
        "bl b05_fault\n"
        "pop {r4, pc}\n");
}

static void run(const char *name)
{
    fault_exc = fault_pc = fault_cfsr = fault_hfsr = svc_ran = 0;
    __asm volatile("svc #0" : : : "memory");
    mp_kv(name, fault_exc);
    mp_kv("pc_is_vector", fault_pc == ((uint32_t)svc_handler & ~1u));
    mp_kv("stacked_t", (fault_xpsr >> 24) & 1);
    mp_kv("cfsr", fault_cfsr);
    mp_kv("hfsr", fault_hfsr);
    mp_kv("svc_ran", svc_ran);
    mp_end_line();
}

int main(void)
{
    mp_vectors[EXC_SVC] = (uint32_t)svc_handler & ~1u;
    mp_set_handler(EXC_HARDFAULT, fault_handler);
#if __ARM_ARCH_7M__ || __ARM_ARCH_7EM__
    mp_set_handler(EXC_USAGEFAULT, fault_handler);
    SCB_SHPR2 = 0x80u << 24; /* SVCall 0x80, so the UsageFault (0x00) raised in it can preempt */
    SCB_SHCSR |= 1u << 18;
    run("b05 uf_enabled exc");
    SCB_SHCSR &= ~(1u << 18);
#endif
    run("b05 uf_disabled exc");
    return 0;
}
