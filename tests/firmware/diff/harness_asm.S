/*
 * Differential test harness, assembly side (contract in harness.h). Written with ARMv6-M instructions
 * only (high registers through MOV, LDM/PUSH of low registers) so one file serves every variant; the MSR
 * mask and the FP part depend on the build (__ARM_ARCH_7EM__, __ARM_FP).
 */
    .syntax unified
    .thumb
    .text
    .align 2

    /* void diff_load(const uint32_t *in): every register r0-r12, APSR, FP state from the block. */
    .thumb_func
    .global diff_load
diff_load:
    push {r0, lr}
    bl diff_prepare
    pop {r0, r1}
    mov lr, r1
#if __ARM_ARCH >= 7
    clrex                      /* each case starts with the local monitor in Open Access */
#endif
#if defined(__ARM_FP)
    add r2, r0, #(30 * 4)
    vldmia r2, {s0-s15}
    ldr r2, [r2, #64]
    vmsr fpscr, r2
#endif
    ldr r1, [r0, #32]
    mov r8, r1
    ldr r1, [r0, #36]
    mov r9, r1
    ldr r1, [r0, #40]
    mov r10, r1
    ldr r1, [r0, #44]
    mov r11, r1
    ldr r1, [r0, #48]
    mov r12, r1
    ldr r1, [r0, #52]
#if defined(__ARM_ARCH_7EM__)
    msr APSR_nzcvqg, r1
#elif __ARM_ARCH >= 7
    msr APSR_nzcvq, r1
#else
    msr APSR_nzcvq, r1
#endif
    ldm r0, {r0-r7}
    bx lr

    /* void diff_save(void): pushes the state (layout in harness.c) and calls diff_record. */
    .thumb_func
    .global diff_save
diff_save:
    push {r0-r7}
    mov r0, r8
    mov r1, r9
    mov r2, r10
    mov r3, r11
    mov r4, r12
    push {r0-r5}
    mrs r0, apsr
    mov r1, lr
    push {r0, r1}
#if defined(__ARM_FP)
    vpush {s0-s15}
    vmrs r0, fpscr
    push {r0, r1}
#endif
    mov r0, sp
    bl diff_record
#if defined(__ARM_FP)
    add sp, sp, #8
    vpop {s0-s15}
#endif
    pop {r0, r1}
    add sp, sp, #56
    bx r1
    .pool

