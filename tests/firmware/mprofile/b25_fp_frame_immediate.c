/*
 * §9 behaviour 25 (mprofile.md §2.3 step 7, §3 step 17; Armv7-M ARM B1.5.6 PushStack, B1.5.8 ExceptionReturn):
 * with FPCCR.LSPEN=0 an exception entry with CONTROL.FPCA=1 writes S0-S15 at frame+0x20 and FPSCR at +0x60 at
 * once (+0x64 is reserved: not written), then zeroes S0-S15 and FPSCR; the return pops them back, so a handler
 * that clobbers S0 does not disturb the thread. The handler reads its FP registers with FPCCR.ASPEN cleared, so
 * no new FP context (FPSCR := FPDSCR) hides the zeroing (the ISB after the FPCCR write matters on QEMU, whose
 * translation block keeps the FP context flags it started with).
 * - mode 1: CPACR denies FP access at the entry: UsageFault NOCP is pended instead of writing the FP words (they
 *   keep the stack's old contents) and the registers are not zeroed; UsageFault (prio 0) runs before SVCall
 *   (prio 0x80) and gives access back.
 * - mode 2: the SVC handler removes FP access before returning: the return takes UsageFault NOCP on the
 *   existing frame ("CPACR.CP10 prevents unstacking FP regs"), whose handler gives access back; its own return
 *   then pops the FP registers.
 */
#include "mp.h"

volatile uint32_t mode, sp_before;
volatile uint32_t h_fpccr, h_s0, h_s15, h_fpscr, h_count;
volatile uint32_t slot_s0, slot_s15, slot_fpscr, slot_res;
volatile uint32_t uf_count, uf_cfsr, uf_lr;
static uint32_t fp_in[17], fp_out[17];

__attribute__((naked)) static void svc_handler(void)
{
    __asm volatile(
        "mrs r0, msp\n"
        "ldr r2, [r0, #0x20]\n ldr r3, =slot_s0\n str r2, [r3]\n"
        "ldr r2, [r0, #0x5c]\n ldr r3, =slot_s15\n str r2, [r3]\n"
        "ldr r2, [r0, #0x60]\n ldr r3, =slot_fpscr\n str r2, [r3]\n"
        "ldr r2, [r0, #0x64]\n ldr r3, =slot_res\n str r2, [r3]\n"
        "ldr r0, =0xE000EF34\n ldr r1, [r0]\n ldr r2, =h_fpccr\n str r1, [r2]\n"
        "movs r1, #0\n str r1, [r0]\n dsb\n isb\n"
        "vmov r2, s0\n ldr r3, =h_s0\n str r2, [r3]\n"
        "vmov r2, s15\n ldr r3, =h_s15\n str r2, [r3]\n"
        "vmrs r2, fpscr\n ldr r3, =h_fpscr\n str r2, [r3]\n"
        "ldr r1, =0x12345678\n vmov s0, r1\n"
        "mov r1, #0x80000000\n str r1, [r0]\n"
        "ldr r0, =h_count\n ldr r1, [r0]\n adds r1, r1, #1\n str r1, [r0]\n"
        "ldr r0, =mode\n ldr r0, [r0]\n cmp r0, #2\n bne 1f\n"
        "ldr r0, =0xE000ED88\n movs r1, #0\n str r1, [r0]\n"
        "1: bx lr\n");
}

__attribute__((naked)) static void uf_handler(void)
{
    __asm volatile(
        "ldr r0, =0xE000ED28\n ldr r1, [r0]\n ldr r2, =uf_cfsr\n str r1, [r2]\n str r1, [r0]\n"
        "ldr r0, =0xE000ED88\n mov r1, #0x00F00000\n str r1, [r0]\n dsb\n isb\n"
        "ldr r0, =uf_count\n ldr r1, [r0]\n adds r1, r1, #1\n str r1, [r0]\n"
        "ldr r2, =uf_lr\n str lr, [r2]\n"
        "bx lr\n");
}

/* Pattern below SP, S0-S15/FPSCR from in, CPACR := 0 in mode 1, SVC, S0-S15/FPSCR to out. */
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
        "ldr r2, =mode\n ldr r2, [r2]\n cmp r2, #1\n bne 2f\n"
        "ldr r2, =0xE000ED88\n movs r3, #0\n str r3, [r2]\n dsb\n isb\n"
        "2: svc #0\n"
        "vstm r1, {s0-s15}\n"
        "vmrs r2, fpscr\n"
        "str r2, [r1, #64]\n"
        "add sp, sp, #4\n"
        "pop {r4, r5, pc}\n");
}

int main(void)
{
    mp_set_handler(EXC_SVC, svc_handler);
    mp_set_handler(EXC_USAGEFAULT, uf_handler);
    SCB_SHCSR |= 1u << 18;
    REG8(0xE000ED1A) = 0x00; /* UsageFault */
    REG8(0xE000ED1F) = 0x80; /* SVCall */
    FPCCR = 0x80000000;      /* ASPEN, LSPEN=0 */
    for (uint32_t m = 0; m < 3; m++) {
        mode = m;
        h_count = uf_count = uf_cfsr = uf_lr = 0;
        for (int i = 0; i < 16; i++) {
            fp_in[i] = 0x3F800000u + ((uint32_t)i << 16);
        }
        fp_in[16] = 0x03C00000u;
        fp_svc(fp_in, fp_out);
        mp_kv("b25 mode", m);
        mp_kv("svc_count", h_count);
        mp_kv("fpccr", h_fpccr);
        mp_kv("h_s0", h_s0);
        mp_kv("h_s15", h_s15);
        mp_kv("h_fpscr", h_fpscr);
        mp_end_line();
        mp_kv("b25 slot_s0", slot_s0);
        mp_kv("slot_s15", slot_s15);
        mp_kv("slot_fpscr", slot_fpscr);
        mp_kv("slot_res", slot_res);
        mp_kv("s0", fp_out[0]);
        mp_kv("s15", fp_out[15]);
        mp_kv("fpscr", fp_out[16]);
        mp_end_line();
        mp_kv("b25 uf_count", uf_count);
        mp_kv("cfsr", uf_cfsr);
        mp_kv("lr", uf_lr);
        mp_kv("cpacr", SCB_CPACR);
        mp_end_line();
    }
    return 0;
}
