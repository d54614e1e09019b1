/*
 * §9 behaviour 24 (mprofile.md §3.6 PreserveFPState; Armv7-M ARM B1.5.7): after a lazy FP entry (FPCCR.LSPEN=1,
 * LSPACT=1) the first FP instruction of the handler writes S0-S15 at FPCAR and FPSCR at FPCAR+0x40 (the reserved
 * word at +0x44 stays), clears LSPACT and then executes; the return pops the saved values, so the handler may
 * change S0. With an MPU region making the FP part of the frame read-only the save fails with CFSR.MLSPERR:
 * - mode 1, MemManage (prio 0) can preempt the SVC handler (prio 0x80): it is taken before the FP instruction
 *   (stacked PC = that instruction, LSPACT still set); the handler turns the MPU off and the instruction then
 *   saves the context and runs;
 * - mode 2, MemManage (prio 0xC0) cannot: LSPACT is cleared, the instruction runs, MemManage tail-chains at the
 *   SVC return and the thread gets back the unsaved (stale) frame contents;
 * - mode 3, the handler points FPCAR at unmapped memory (0x30000000): the save fails with BFSR.LSPERR and
 *   BusFault (prio 0) is taken before the FP instruction; its handler restores FPCAR.
 */
#include "mp.h"

volatile uint32_t mode, sp_before, saved_fpcar;
volatile uint32_t h_fpccr_before, h_fpccr_after, h_s3, h_control;
volatile uint32_t slot_s0, slot_s15, slot_fpscr, slot_res;
volatile uint32_t h_mm_count, h_mm_cfsr, h_mm_fpccr, h_mm_pc, h_mm_lr;
static uint32_t fp_in[17], fp_out[17];

void protect_fpcar(void)
{
    saved_fpcar = FPCAR;
    if (mode == 3) {
        FPCAR = 0x30000000;
    } else if (mode != 0) {
        MPU_RNR = 0;
        MPU_RBAR = FPCAR & ~31u;
        MPU_RASR = (1u << 28) | (6u << 24) | (4u << 1) | 1u; /* XN, AP=RO, 32 bytes, enabled */
        MPU_CTRL = 5;                                         /* ENABLE | PRIVDEFENA */
        mp_isb();
    }
}

__attribute__((naked)) static void svc_handler(void)
{
    __asm volatile(
        "push {r4, lr}\n"
        "ldr r0, =0xE000EF34\n ldr r1, [r0]\n ldr r2, =h_fpccr_before\n str r1, [r2]\n"
        "bl protect_fpcar\n"
        ".global b24_fp_insn\n"
        "b24_fp_insn:\n"
        "vmov r2, s3\n"
        "ldr r1, =h_s3\n str r2, [r1]\n"
        "ldr r0, =0xE000EF34\n ldr r1, [r0]\n ldr r2, =h_fpccr_after\n str r1, [r2]\n"
        "mrs r1, control\n ldr r2, =h_control\n str r1, [r2]\n"
        "movs r1, #0\n vmov s0, r1\n"
        "pop {r4, pc}\n");
}

__attribute__((naked)) static void mm_handler(void)
{
    __asm volatile(
        "mrs r0, msp\n"
        "ldr r1, [r0, #0x18]\n ldr r2, =h_mm_pc\n str r1, [r2]\n"
        "ldr r0, =0xE000ED28\n ldr r1, [r0]\n ldr r2, =h_mm_cfsr\n str r1, [r2]\n str r1, [r0]\n"
        "ldr r0, =0xE000EF34\n ldr r1, [r0]\n ldr r2, =h_mm_fpccr\n str r1, [r2]\n"
        "ldr r0, =0xE000ED94\n movs r1, #0\n str r1, [r0]\n dsb\n isb\n"
        "ldr r0, =0xE000EF38\n ldr r1, =saved_fpcar\n ldr r1, [r1]\n str r1, [r0]\n"
        "ldr r0, =h_mm_count\n ldr r1, [r0]\n adds r1, r1, #1\n str r1, [r0]\n"
        "ldr r2, =h_mm_lr\n str lr, [r2]\n"
        "bx lr\n");
}

/* As b23: pattern below SP, S0-S15/FPSCR from in, SVC, the frame's FP slots copied, S0-S15/FPSCR to out. */
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
        "mov r2, sp\n sub r2, r2, #0x68\n"
        "ldr r3, [r2, #0x20]\n ldr r4, =slot_s0\n str r3, [r4]\n"
        "ldr r3, [r2, #0x5c]\n ldr r4, =slot_s15\n str r3, [r4]\n"
        "ldr r3, [r2, #0x60]\n ldr r4, =slot_fpscr\n str r3, [r4]\n"
        "ldr r3, [r2, #0x64]\n ldr r4, =slot_res\n str r3, [r4]\n"
        "add sp, sp, #4\n"
        "pop {r4, r5, pc}\n");
}

int main(void)
{
    extern char b24_fp_insn[];
    mp_set_handler(EXC_SVC, svc_handler);
    mp_set_handler(EXC_MEMMANAGE, mm_handler);
    mp_set_handler(EXC_BUSFAULT, mm_handler);
    SCB_SHCSR |= 3u << 16;
    REG8(0xE000ED19) = 0x00; /* BusFault */
    REG8(0xE000ED1F) = 0x80; /* SVCall */
    for (uint32_t m = 0; m < 4; m++) {
        mode = m;
        REG8(0xE000ED18) = m == 1 ? 0x00 : 0xC0; /* MemManage */
        h_mm_count = h_mm_cfsr = h_mm_fpccr = h_mm_pc = h_mm_lr = 0;
        for (int i = 0; i < 16; i++) {
            fp_in[i] = 0x3F800000u + ((uint32_t)i << 16);
        }
        fp_in[16] = 0x03C00000u;
        fp_svc(fp_in, fp_out);
        mp_kv("b24 mode", m);
        mp_kv("fpccr_before", h_fpccr_before);
        mp_kv("fpccr_after", h_fpccr_after);
        mp_kv("s3", h_s3);
        mp_kv("control", h_control);
        mp_kv("fpccr_thread", FPCCR);
        mp_end_line();
        mp_kv("b24 slot_s0", slot_s0);
        mp_kv("slot_s15", slot_s15);
        mp_kv("slot_fpscr", slot_fpscr);
        mp_kv("slot_res", slot_res);
        mp_kv("s0", fp_out[0]);
        mp_kv("s15", fp_out[15]);
        mp_kv("fpscr", fp_out[16]);
        mp_end_line();
        mp_kv("b24 mm_count", h_mm_count);
        mp_kv("cfsr", h_mm_cfsr);
        mp_kv("fpccr", h_mm_fpccr);
        mp_kv("pc_is_fp_insn", h_mm_pc == (uint32_t)b24_fp_insn);
        mp_kv("lr", h_mm_lr);
        mp_end_line();
    }
    return 0;
}
