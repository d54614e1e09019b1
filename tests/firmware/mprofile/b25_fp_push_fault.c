/*
 * Seed 000 case "a fault during the FP part of the push" with §9 behaviour 25's immediate stacking (mprofile.md
 * §2.3 steps 6-9, §2.7; Armv7-M ARM B1.5.6 PushStack): FPCCR.LSPEN=0 and an MPU region makes frame+0x20..+0x3F
 * read-only, so the basic frame is written, the S0 write fails (CFSR.MSTKERR, MemManage pended as a derived
 * exception) and no later FP word is written (+0x40 and +0x60 keep their old contents). S0-S15/FPSCR are still
 * zeroed (CPACR allows access). MemManage (prio 0) is taken first with SVCall (prio 0x80) still pending
 * (SHCSR.SVCALLPENDED); it turns the MPU off, SVCall tail-chains, and the final return pops the never-written
 * FP slots.
 */
#include "mp.h"

volatile uint32_t frame;
volatile uint32_t mm_count, mm_cfsr, mm_shcsr, mm_lr, mm_s0;
volatile uint32_t svc_count, svc_s0;
volatile uint32_t slot_s0, slot_s8, slot_fpscr, slot_res, basic_r0;
static uint32_t fp_in[17], fp_out[17];

__attribute__((naked)) static void mm_handler(void)
{
    __asm volatile(
        "ldr r0, =0xE000ED28\n ldr r1, [r0]\n ldr r2, =mm_cfsr\n str r1, [r2]\n str r1, [r0]\n"
        "ldr r0, =0xE000ED24\n ldr r1, [r0]\n ldr r2, =mm_shcsr\n str r1, [r2]\n"
        "ldr r0, =0xE000ED94\n movs r1, #0\n str r1, [r0]\n dsb\n isb\n"
        "ldr r0, =mm_count\n ldr r1, [r0]\n adds r1, r1, #1\n str r1, [r0]\n"
        "ldr r2, =mm_lr\n str lr, [r2]\n"
        "bx lr\n");
}

__attribute__((naked)) static void svc_handler(void)
{
    __asm volatile(
        "ldr r0, =svc_count\n ldr r1, [r0]\n adds r1, r1, #1\n str r1, [r0]\n"
        "ldr r0, =0xE000EF34\n movs r1, #0\n str r1, [r0]\n dsb\n isb\n"
        "vmov r1, s0\n ldr r2, =svc_s0\n str r1, [r2]\n"
        "mov r1, #0x80000000\n str r1, [r0]\n"
        "bx lr\n");
}

/*
 * Moves SP so that the extended frame starts on a 32-byte boundary, fills 0x80 bytes below it with 0xA5A5A500+i,
 * protects frame+0x20..+0x3F (MPU region 0, read-only, PRIVDEFENA), loads S0-S15/FPSCR, SVC, then records the
 * frame's slots and S0-S15/FPSCR.
 */
__attribute__((naked, noinline)) static void fp_svc(uint32_t *in, uint32_t *out)
{
    __asm volatile(
        "push {r4, r5, r6, lr}\n"
        "mov r6, sp\n"
        "mov r2, sp\n bic r2, r2, #63\n sub r2, r2, #56\n mov sp, r2\n"
        "sub r3, r2, #0x68\n ldr r4, =frame\n str r3, [r4]\n"
        "ldr r4, =0xA5A5A500\n"
        "movs r3, #0\n"
        "1: sub r2, r2, #4\n"
        "adds r5, r4, r3\n"
        "str r5, [r2]\n"
        "adds r3, r3, #1\n"
        "cmp r3, #32\n"
        "bne 1b\n"
        "ldr r2, =frame\n ldr r2, [r2]\n adds r2, r2, #0x20\n"
        "ldr r3, =0xE000ED98\n movs r4, #0\n str r4, [r3]\n"
        "str r2, [r3, #4]\n"
        "ldr r4, =0x16000009\n str r4, [r3, #8]\n"
        "movs r4, #5\n str r4, [r3, #-4]\n dsb\n isb\n"
        "vldm r0, {s0-s15}\n"
        "ldr r2, [r0, #64]\n"
        "vmsr fpscr, r2\n"
        "svc #0\n"
        "vstm r1, {s0-s15}\n"
        "vmrs r2, fpscr\n"
        "str r2, [r1, #64]\n"
        "ldr r2, =frame\n ldr r2, [r2]\n"
        "ldr r3, [r2, #0x00]\n ldr r4, =basic_r0\n str r3, [r4]\n"
        "ldr r3, [r2, #0x20]\n ldr r4, =slot_s0\n str r3, [r4]\n"
        "ldr r3, [r2, #0x40]\n ldr r4, =slot_s8\n str r3, [r4]\n"
        "ldr r3, [r2, #0x60]\n ldr r4, =slot_fpscr\n str r3, [r4]\n"
        "ldr r3, [r2, #0x64]\n ldr r4, =slot_res\n str r3, [r4]\n"
        "mov sp, r6\n"
        "pop {r4, r5, r6, pc}\n");
}

int main(void)
{
    mp_set_handler(EXC_SVC, svc_handler);
    mp_set_handler(EXC_MEMMANAGE, mm_handler);
    SCB_SHCSR |= 1u << 16;
    REG8(0xE000ED18) = 0x00; /* MemManage */
    REG8(0xE000ED1F) = 0x80; /* SVCall */
    FPCCR = 0x80000000;      /* ASPEN, LSPEN=0 */
    for (int i = 0; i < 16; i++) {
        fp_in[i] = 0x3F800000u + ((uint32_t)i << 16);
    }
    fp_in[16] = 0x03C00000u;
    fp_svc(fp_in, fp_out);
    mp_kv("b25 push_fault mm_count", mm_count);
    mp_kv("cfsr", mm_cfsr);
    mp_kv("svcall_pended", (mm_shcsr >> 15) & 1);
    mp_kv("mm_lr", mm_lr);
    mp_kv("svc_count", svc_count);
    mp_kv("svc_s0", svc_s0);
    mp_end_line();
    mp_kv("b25 push_fault basic_r0", basic_r0 == (uint32_t)fp_in);
    mp_kv("slot_s0", slot_s0);
    mp_kv("slot_s8", slot_s8);
    mp_kv("slot_fpscr", slot_fpscr);
    mp_kv("slot_res", slot_res);
    mp_kv("s0", fp_out[0]);
    mp_kv("s8", fp_out[8]);
    mp_kv("fpscr", fp_out[16]);
    mp_end_line();
    return 0;
}
