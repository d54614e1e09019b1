/*
 * Reset for the conformance firmware kit (mp.h): a minimal ROM vector table (SP, reset; everything else to
 * mp_unexpected until mp_init moves VTOR to the RAM table), FPU enable on FP builds (CPACR CP10/CP11), .data
 * copy, .bss clear, mp_init, main, semihosting exit with main's return value.
 */
    .syntax unified
    .thumb

    .section .vectors, "a"
    .align 2
    .global __vectors
__vectors:
    .word __stack_top
    .word reset_handler
    .rept 46
    .word mp_unexpected
    .endr

    .text
    .align 2
    .thumb_func
    .global reset_handler
reset_handler:
#if defined(__ARM_FP)
    ldr r0, =0xE000ED88
    ldr r1, [r0]
    ldr r2, =(0xF << 20)
    orrs r1, r1, r2
    str r1, [r0]
    dsb
    isb
#endif
    bl mp_crt_init
    bl mp_init
    bl main
    bl mp_exit
5:  b 5b
