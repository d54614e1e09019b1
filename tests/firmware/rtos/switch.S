/*
 * Context switch and supervisor-call entry of the RTOS firmware (rtos.h), and the integrity checks tasks run.
 * Armv7-M ARM B1.5.6-B1.5.8 (exception entry/return, EXC_RETURN), B1.5.7 lazy FP context: the PendSV handler
 * saves S16-S31 only when EXC_RETURN bit 4 (FTYPE) is 0, i.e. the task has an FP context; the VSTMDB is the
 * first FP instruction of the handler, so it triggers the lazy preservation of S0-S15/FPSCR into the frame
 * the hardware reserved on the task stack (at FPCAR, with the task's unprivileged access rights: the MPU
 * region of the outgoing task's stack must still be programmed, so the kernel switches regions afterwards).
 * Saved context on the task stack, lowest address first: R4-R11, EXC_RETURN, [S16-S31], hardware frame.
 * kernel_switch gets (saved SP, FPCCR, FPCAR, PSP at entry); FPCCR and FPCAR are 0 for a task without FP context.
 */
    .syntax unified
    .thumb
    .text
    .align 2

    .thumb_func
    .global pendsv_handler
pendsv_handler:
    mrs r0, psp
    mov r3, r0
    movs r1, #0
    movs r2, #0
#if defined(__ARM_FP)
    tst lr, #0x10
    bne 1f
    /* FP context: sample FPCCR and FPCAR before the VSTMDB preserves the lazily reserved S0-S15/FPSCR. */
    ldr r2, =0xE000EF34
    ldr r1, [r2]
    ldr r2, [r2, #4]
    vstmdb r0!, {s16-s31}
1:
#endif
    stmdb r0!, {r4-r11, lr}
    bl kernel_switch
restore:
    ldmia r0!, {r4-r11, lr}
#if defined(__ARM_FP)
    tst lr, #0x10
    it eq
    vldmiaeq r0!, {s16-s31}
#endif
    msr psp, r0
    isb
    bx lr

    /* SVC: the immediate is the byte before the stacked return address. SVC_START comes from main on MSP. */
    .thumb_func
    .global svc_handler
svc_handler:
    tst lr, #4
    ite eq
    mrseq r0, msp
    mrsne r0, psp
    ldr r1, [r0, #24]
    ldrb r1, [r1, #-2]
    cbz r1, start
    push {r4, lr}
    bl kernel_svc
    pop {r4, pc}
start:
    /* main's frame is abandoned: Handler mode starts again from the top of the main stack. */
    ldr r0, =__stack_top
    msr msp, r0
    bl kernel_start
    b restore

    /* uint32_t reg_check(uint32_t seed, uint32_t spins) */
    .thumb_func
    .global reg_check
reg_check:
    push {r4-r11, lr}
    mov lr, r1
    eor r1, r0, #0x01010101
    eor r2, r0, #0x02020202
    eor r3, r0, #0x03030303
    eor r4, r0, #0x04040404
    eor r5, r0, #0x05050505
    eor r6, r0, #0x06060606
    eor r7, r0, #0x07070707
    eor r8, r0, #0x08080808
    eor r9, r0, #0x09090909
    eor r10, r0, #0x0A0A0A0A
    eor r11, r0, #0x0B0B0B0B
    eor r12, r0, #0x0C0C0C0C
1:  subs lr, lr, #1
    bne 1b
    .macro regcheck reg, pattern
    eor \reg, \reg, r0
    cmp \reg, #\pattern
    it ne
    addne lr, lr, #1
    .endm
    regcheck r1, 0x01010101
    regcheck r2, 0x02020202
    regcheck r3, 0x03030303
    regcheck r4, 0x04040404
    regcheck r5, 0x05050505
    regcheck r6, 0x06060606
    regcheck r7, 0x07070707
    regcheck r8, 0x08080808
    regcheck r9, 0x09090909
    regcheck r10, 0x0A0A0A0A
    regcheck r11, 0x0B0B0B0B
    regcheck r12, 0x0C0C0C0C
    mov r0, lr
    pop {r4-r11, pc}

#if defined(__ARM_FP)
    /* uint32_t fp_check(uint32_t seed, uint32_t spins, uint32_t fpscr) */
    .thumb_func
    .global fp_check
fp_check:
    push {r4-r5, lr}
    vpush {s16-s31}
    vmrs r4, fpscr
    vmsr fpscr, r2
    .macro fpset n
    eor r3, r0, #(\n * 0x01010101)
    vmov s\n, r3
    .endm
    .macro fpcheck n
    vmov r3, s\n
    eor r3, r3, r0
    cmp r3, #(\n * 0x01010101)
    it ne
    addne r5, r5, #1
    .endm
    .irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    fpset \n
    .endr
1:  subs r1, r1, #1
    bne 1b
    movs r5, #0
    .irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    fpcheck \n
    .endr
    vmrs r3, fpscr
    cmp r3, r2
    it ne
    addne r5, r5, #1
    vmsr fpscr, r4
    mov r0, r5
    vpop {s16-s31}
    pop {r4-r5, pc}
#endif
    .pool
