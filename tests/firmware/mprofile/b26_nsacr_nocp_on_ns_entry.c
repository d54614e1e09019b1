/*
 * §9 behaviour 26 (mprofile.md §2.3 steps 1 and 7): an exception taken from Non-secure state while CONTROL_S.FPCA=1
 * and NSACR.CP10=0 stacks a basic 0x20 frame (EXC_RETURN FTYPE=0) and pends a Secure UsageFault with
 * CFSR_S.NOCP. Secure code sets FPCA, clears NSACR and BLXNSes to an NS function that executes SVC.
 */
#include "tz.h"

volatile uint32_t ns_sp_before;

TZ_NS_FN void ns_svc_handler(void)
{
    ns_exit(0x7D);
}

__attribute__((naked)) TZ_NS_FN void ns_do_svc(void)
{
    __asm volatile("mrs r0, msp\n svc #0\n b .\n");
}

__attribute__((noreturn)) void uf_c(uint32_t exc_return, uint32_t msp)
{
    (void)msp;
    mp_kv("b26 cfsr_s", SCB_CFSR);
    mp_kv("cfsr_ns", SCB_CFSR_NS);
    mp_kv("lr", exc_return);
    mp_kv("ns_frame_size", ns_sp_before - tz_msp_ns());
    mp_kv("svc_ns_pending", (SCB_SHCSR_NS >> 15) & 1);
    mp_end_line();
    mp_exit(0);
}
TZ_HANDLER(uf_handler, uf_c)

int main(void)
{
    tz_init();
    mp_set_handler(EXC_USAGEFAULT, uf_handler);
    SCB_SHCSR |= 1u << 18;
    tz_ns_set_handler(EXC_SVC, ns_svc_handler);
    SCB_NSACR = 0;
    ns_sp_before = tz_msp_ns();
    __asm volatile(
        "mrs r0, control\n"
        "orr r0, r0, #4\n"
        "msr control, r0\n"
        "isb\n"
        "ldr r1, =ns_do_svc\n"
        "bic r1, r1, #1\n"
        "blxns r1\n"
        ::: "r0", "r1", "r2", "r3", "r12", "lr", "memory");
    mp_line("b26 ns returned");
    return 1;
}
