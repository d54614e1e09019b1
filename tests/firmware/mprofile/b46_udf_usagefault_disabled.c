/*
 * §9 behaviour 46 (mprofile.md §2.1, §4.3 set_pending escalation): UDF is an UNDEFINSTR UsageFault; with
 * SHCSR.USGFAULTENA clear (reset) it escalates to HardFault with HFSR.FORCED and CFSR.UNDEFINSTR set. With
 * USGFAULTENA set the UsageFault itself is taken (HFSR stays 0). On v6-M there is no UsageFault: UDF is a
 * HardFault directly (no CFSR/HFSR). The stacked PC is the UDF in every case; the handler skips it.
 */
#include "mp.h"

static volatile uint32_t fault_exc, fault_pc, fault_cfsr, fault_hfsr;

void b46_fault(uint32_t *frame)
{
    fault_exc = mp_ipsr();
    fault_pc = frame[6];
#if __ARM_ARCH_7M__ || __ARM_ARCH_7EM__
    fault_cfsr = SCB_CFSR;
    fault_hfsr = SCB_HFSR;
    SCB_CFSR = fault_cfsr;
    SCB_HFSR = fault_hfsr;
#endif
    frame[6] += 2;
}

__attribute__((naked)) static void fault_handler(void)
{
    __asm volatile(
        ".syntax unified\n"
        "push {r4, lr}\n"
        "mrs r0, msp\n"
        "adds r0, r0, #8\n"
        "bl b46_fault\n"
        "pop {r4, pc}\n");
}

extern char b46_udf_site[];

__attribute__((noinline)) static void udf(void)
{
    __asm volatile(
        ".global b46_udf_site\n"
        "b46_udf_site: udf #46\n" : : : "memory");
}

static void run(const char *name)
{
    fault_exc = fault_pc = fault_cfsr = fault_hfsr = 0;
    udf();
    mp_kv(name, fault_exc);
    mp_kv("pc_is_udf", fault_pc == (uint32_t)b46_udf_site);
    mp_kv("cfsr", fault_cfsr);
    mp_kv("hfsr", fault_hfsr);
#if __ARM_ARCH_7M__ || __ARM_ARCH_7EM__
    mp_kv("cfsr_after_w1c", SCB_CFSR);
    mp_kv("hfsr_after_w1c", SCB_HFSR);
#endif
    mp_end_line();
}

int main(void)
{
    mp_set_handler(EXC_HARDFAULT, fault_handler);
    run("b46 uf_disabled exc");
#if __ARM_ARCH_7M__ || __ARM_ARCH_7EM__
    mp_set_handler(EXC_USAGEFAULT, fault_handler);
    SCB_SHCSR |= 1u << 18;
    run("b46 uf_enabled exc");
    SCB_SHCSR &= ~(1u << 18);
#endif
    return 0;
}
