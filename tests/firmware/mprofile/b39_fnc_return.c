/*
 * §9 behaviour 39 (mprofile.md §3.5 do_v7m_function_return, §5.6 BLXNS): Secure Thread code calls an NS function
 * with BLXNS: the NS side sees LR = FNC_RETURN (0xFEFFFFFF); its BX LR pops the return address and partial xPSR
 * from the Secure stack and resumes Secure code after the BLXNS with SP_S restored. Then the IPSR consistency
 * check: an NS function that returns through FNC_RETURN from inside its own SVC handler (IPSR 11, stacked IPSR 0)
 * takes a Non-secure UsageFault INVPC (normal entry), whose handler reports and exits.
 */
#include "tz.h"

TZ_NS_BSS volatile uint32_t ns_lr, ns_ipsr, ns_saved_lr;
volatile uint32_t sp_before, sp_after;

__attribute__((naked)) TZ_NS_FN void ns_plain(void)
{
    __asm volatile(
        "ldr r1, =ns_lr\n str lr, [r1]\n"
        "mrs r2, ipsr\n ldr r1, =ns_ipsr\n str r2, [r1]\n"
        "bx lr\n"
        ".ltorg\n");
}

__attribute__((naked)) TZ_NS_FN void ns_return_from_svc(void)
{
    __asm volatile("ldr r1, =ns_saved_lr\n str lr, [r1]\n svc #0\n b .\n .ltorg\n");
}

/* NS SVC handler: returns through the saved FNC_RETURN value while IPSR is 11. */
__attribute__((naked)) TZ_NS_FN void ns_svc_handler(void)
{
    __asm volatile("ldr r1, =ns_saved_lr\n ldr r0, [r1]\n bx r0\n .ltorg\n");
}

TZ_NS_FN void ns_uf_handler(void)
{
    ns_kv("b39 ns_uf cfsr_ns", REG32(0xE000ED28));
    ns_kv("ipsr", mp_ipsr());
    ns_end_line();
    ns_exit(0);
}

int main(void)
{
    tz_init();
    tz_ns_set_handler(EXC_SVC, ns_svc_handler);
    tz_ns_set_handler(EXC_USAGEFAULT, ns_uf_handler);
    SCB_SHCSR_NS |= 1u << 18;
    SCS_NS(0xD1C) = 0x80u << 24; /* SHPR2_NS: SVCall_NS below UsageFault_NS, which can then preempt it */
    __asm volatile(
        "ldr r0, =sp_before\n str sp, [r0]\n"
        "ldr r1, =ns_plain\n bic r1, r1, #1\n blxns r1\n"
        "ldr r0, =sp_after\n str sp, [r0]\n"
        ::: "r0", "r1", "r2", "r3", "r12", "lr", "memory");
    mp_kv("b39 ns_lr", ns_lr);
    mp_kv("ns_ipsr", ns_ipsr);
    mp_kv("sp_restored", sp_after == sp_before);
    mp_end_line();
    __asm volatile("ldr r1, =ns_return_from_svc\n bic r1, r1, #1\n blxns r1\n" ::: "r0", "r1", "r2", "r3", "r12", "lr", "memory");
    mp_line("b39 fnc_return from handler mode succeeded");
    return 1;
}
