/*
 * Start-up code of the example firmware (ARMv7-M, Thumb; ARMv7-M ARM B1.5.3 vector table, B1.5.5 reset).
 * The vector table gives the initial main stack pointer and the reset handler; every other exception goes to
 * Default_Handler, which reports the exception number on UART0 and exits with status 0x7F through
 * semihosting, so a stray fault ends the run visibly instead of hanging. Reset_Handler copies .data from its
 * load address in SSRAM1, zeroes .bss, calls main and hands its return value to newlib's exit(), which
 * flushes stdio and calls _exit (examples/common/syscalls.c).
 * Not modelled: interrupts (no example enables one), the FPU (these images are soft-float).
 */
    .syntax unified
    .thumb

    .section .vectors, "a"
    .align 2
    .global __vectors
__vectors:
    .word __stack_top
    .word Reset_Handler
    .rept 14                    /* NMI .. SysTick */
    .word Default_Handler
    .endr
    .rept 32                    /* the 32 external interrupts of the MPS2 AN385 NVIC */
    .word Default_Handler
    .endr

    .text
    .align 2
    .thumb_func
    .global Reset_Handler
Reset_Handler:
    ldr r0, =__data_start
    ldr r1, =__data_end
    ldr r2, =__data_load
1:  cmp r0, r1
    bhs 2f
    ldr r3, [r2], #4
    str r3, [r0], #4
    b 1b
2:  ldr r0, =__bss_start
    ldr r1, =__bss_end
    movs r3, #0
3:  cmp r0, r1
    bhs 4f
    str r3, [r0], #4
    b 3b
4:  bl main
    bl exit
5:  b 5b

    .thumb_func
    .weak Default_Handler
Default_Handler:
    mrs r0, ipsr
    bl report_fault
6:  b 6b
    .pool
