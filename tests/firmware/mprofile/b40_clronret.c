/*
 * §9 behaviour 40 (mprofile.md §3 step 9): with FPCCR.CLRONRET=1, an exception return while the handler has an
 * active FP context (CONTROL.FPCA=1, LSPACT=0) zeroes S0-S15 and FPSCR. FPCCR.ASPEN is cleared so no FP instruction
 * starts a new context by itself (FPSCR would be reloaded from FPDSCR): the Thread code loads S0-S15 with FPCA=0
 * (its return restores nothing), the SVC handler writes S15 and FPSCR and sets FPCA. With CLRONRET=0 the handler's
 * values survive the return; with CLRONRET=1 they read zero.
 */
#include "tz.h"

#define FPCCR_ASPEN (1u << 31)
#define FPCCR_CLRONRET (1u << 28)

__attribute__((naked)) static void svc_handler(void)
{
    __asm volatile(
        "ldr r0, =0x3F800000\n vmov s15, r0\n"
        "ldr r0, =0x03C00000\n vmsr fpscr, r0\n"
        "mrs r0, control\n orr r0, r0, #4\n msr control, r0\n isb\n"
        "bx lr\n"
        ".ltorg\n");
}

static uint32_t run(uint32_t clronret, uint32_t *fpscr)
{
    FPCCR = (FPCCR & ~(FPCCR_CLRONRET | FPCCR_ASPEN)) | clronret;
    mp_isb();
    uint32_t or_all, f;
    __asm volatile(
        "ldr r0, =0x40400000\n"
        "vmov s0, r0\n vmov s1, r0\n vmov s2, r0\n vmov s3, r0\n vmov s4, r0\n vmov s5, r0\n vmov s6, r0\n vmov s7, r0\n"
        "vmov s8, r0\n vmov s9, r0\n vmov s10, r0\n vmov s11, r0\n vmov s12, r0\n vmov s13, r0\n vmov s14, r0\n vmov s15, r0\n"
        "movs r0, #0\n vmsr fpscr, r0\n"
        "mrs r0, control\n bic r0, r0, #4\n msr control, r0\n isb\n"
        "svc #0\n"
        "vmrs %1, fpscr\n"
        "vmov r0, s0\n vmov r1, s7\n orr r0, r0, r1\n vmov r1, s15\n orr %0, r0, r1\n"
        : "=r"(or_all), "=r"(f)
        :
        : "r0", "r1", "s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "s12", "s13", "s14", "s15", "memory");
    *fpscr = f;
    return or_all;
}

int main(void)
{
    mp_set_handler(EXC_SVC, svc_handler);
    uint32_t fpscr;
    uint32_t regs = run(0, &fpscr);
    mp_kv("b40 clronret=0 s_or", regs);
    mp_kv("fpscr", fpscr);
    mp_end_line();
    regs = run(FPCCR_CLRONRET, &fpscr);
    mp_kv("b40 clronret=1 s_or", regs);
    mp_kv("fpscr", fpscr);
    mp_kv("control_fpca", (mp_control() >> 2) & 1);
    mp_end_line();
    return 0;
}
