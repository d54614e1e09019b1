/*
 * §9 behaviour 23 (mprofile.md §2.3 step 7, §3.6; Armv7-M ARM B1.5.7 UpdateFPCCR): exception entry with
 * CONTROL.FPCA=1 and FPCCR.LSPEN=1 reserves an extended frame (SP drops 0x68), sets FPCCR.LSPACT, USER, THREAD
 * and the ready bits, points FPCAR at frame+0x20, and writes no FP register: the S0-S15/FPSCR slots keep what
 * was in memory. The handler touches no FP register, so the return only clears LSPACT and the thread still has
 * its S0-S15/FPSCR. Cases: Thread/MSP and Thread/PSP (LR 0xFFFFFFE9/ED; FPCCR.THREAD set, USER clear), with
 * MemManage/BusFault/UsageFault enabled (MMRDY, BFRDY; QEMU keeps UFRDY in the NS bank, which FPCCR shows), and
 * from unprivileged Thread mode (USER set; the handler gives privilege back).
 */
#include "mp.h"

volatile uint32_t h_sp, h_fpccr, h_fpcar, h_lr, h_control, h_slot_s0, h_slot_s15, h_slot_fpscr, h_slot_res;
volatile uint32_t sp_before;
static uint32_t fp_in[17], fp_out[17];

__attribute__((naked)) static void svc_handler(void)
{
    __asm volatile(
        "tst lr, #4\n"
        "ite eq\n"
        "mrseq r0, msp\n"
        "mrsne r0, psp\n"
        "ldr r1, =h_sp\n str r0, [r1]\n"
        "ldr r1, =0xE000EF34\n"
        "ldr r2, [r1]\n ldr r3, =h_fpccr\n str r2, [r3]\n"
        "ldr r2, [r1, #4]\n ldr r3, =h_fpcar\n str r2, [r3]\n"
        "ldr r3, =h_lr\n str lr, [r3]\n"
        "mrs r2, control\n ldr r3, =h_control\n str r2, [r3]\n"
        "bic r2, r2, #1\n msr control, r2\n isb\n"
        "ldr r2, [r0, #0x20]\n ldr r3, =h_slot_s0\n str r2, [r3]\n"
        "ldr r2, [r0, #0x5c]\n ldr r3, =h_slot_s15\n str r2, [r3]\n"
        "ldr r2, [r0, #0x60]\n ldr r3, =h_slot_fpscr\n str r2, [r3]\n"
        "ldr r2, [r0, #0x64]\n ldr r3, =h_slot_res\n str r2, [r3]\n"
        "bx lr\n");
}

/*
 * Fills 0x80 bytes below the current SP with 0xA5A5A500+i, loads S0-S15 and FPSCR from in (FPCA becomes 1),
 * executes SVC and stores S0-S15 and FPSCR to out.
 */
__attribute__((naked, noinline)) static void fp_svc(uint32_t *in, uint32_t *out)
{
    __asm volatile(
        "push {r4, r5, lr}\n"
        "sub sp, sp, #4\n"
        "mov r2, sp\n"
        "ldr r3, =sp_before\n str r2, [r3]\n"
        "ldr r4, =0xA5A5A500\n"
        "movs r3, #0\n"
        "1: sub r2, r2, #4\n"
        "adds r5, r4, r3\n"
        "str r5, [r2]\n"
        "adds r3, r3, #1\n"
        "cmp r3, #32\n"
        "bne 1b\n"
        "vldm r0, {s0-s15}\n"
        "ldr r2, [r0, #64]\n"
        "vmsr fpscr, r2\n"
        "svc #0\n"
        "vstm r1, {s0-s15}\n"
        "vmrs r2, fpscr\n"
        "str r2, [r1, #64]\n"
        "add sp, sp, #4\n"
        "pop {r4, r5, pc}\n");
}

static void run(const char *name, int unprivileged)
{
    for (int i = 0; i < 16; i++) {
        fp_in[i] = 0x3F800000u + ((uint32_t)i << 16);
        fp_out[i] = 0;
    }
    fp_in[16] = 0x03C00000u; /* FPSCR: DN, FZ, RMode=round toward zero... a recognisable value */
    fp_out[16] = 0;
    uint32_t fpccr_thread = FPCCR;
    if (unprivileged) {
        mp_set_control(mp_control() | 1);
    }
    fp_svc(fp_in, fp_out);
    uint32_t fpccr_after = FPCCR;
    mp_kv(name, 23);
    mp_kv("frame_offset", sp_before - h_sp);
    mp_kv("lr", h_lr);
    mp_kv("control", h_control);
    mp_kv("fpccr_before", fpccr_thread);
    mp_kv("fpccr", h_fpccr);
    mp_kv("fpcar_off", h_fpcar - h_sp);
    mp_kv("fpccr_after", fpccr_after);
    mp_end_line();
    mp_kv("b23 slot_s0", h_slot_s0);
    mp_kv("slot_s15", h_slot_s15);
    mp_kv("slot_fpscr", h_slot_fpscr);
    mp_kv("slot_res", h_slot_res);
    uint32_t same = 1;
    for (int i = 0; i < 16; i++) {
        same &= fp_out[i] == fp_in[i];
    }
    mp_kv("regs_kept", same);
    mp_kv("fpscr", fp_out[16]);
    mp_end_line();
}

static uint32_t psp_stack[128] __attribute__((aligned(8)));

int main(void)
{
    mp_set_handler(EXC_SVC, svc_handler);
    run("b23 msp", 0);
    mp_set_psp((uint32_t)&psp_stack[128]);
    mp_set_control(mp_control() | 2);
    run("b23 psp", 0);
    mp_set_control(mp_control() & ~2u);
    SCB_SHCSR |= 7u << 16;
    run("b23 faults_enabled", 0);
    SCB_SHCSR &= ~(7u << 16);
    run("b23 unprivileged", 1);
    return 0;
}
