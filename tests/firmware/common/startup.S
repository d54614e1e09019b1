/*
 * Start-up for the test firmware (ARMv6-M / ARMv7-M / ARMv7E-M, Thumb).
 * Vector table (initial SP, reset, NMI, HardFault; the rest point at a handler that exits with code 0x7F
 * through semihosting so a stray exception ends the run visibly), reset handler: enables the FPU when built
 * with one (CPACR CP10/CP11 full access, ARMv7-M ARM B3.2.20), copies .data from its load address, zeroes
 * .bss, calls main and passes its return value to SYS_EXIT_EXTENDED (management.md §7, mprofile.md §6.2).
 * Not modelled: interrupts (every vector beyond HardFault goes to the same exit handler).
 */
    .syntax unified
    .thumb

    .section .vectors, "a"
    .align 2
    .global __vectors
__vectors:
    .word __stack_top
    .word reset_handler
    .rept 14
    .word fault_handler
    .endr
    .rept 32
    .word fault_handler
    .endr

    .text
    .align 2
    .thumb_func
    .global reset_handler
reset_handler:
#if defined(__ARM_FP)
    ldr r0, =0xE000ED88          /* CPACR */
    ldr r1, [r0]
    ldr r2, =(0xF << 20)
    orrs r1, r1, r2
    str r1, [r0]
    dsb
    isb
#endif
    ldr r0, =__data_start
    ldr r1, =__data_end
    ldr r2, =__data_load
1:  cmp r0, r1
    bhs 2f
    ldr r3, [r2]
    str r3, [r0]
    adds r0, r0, #4
    adds r2, r2, #4
    b 1b
2:  ldr r0, =__bss_start
    ldr r1, =__bss_end
    movs r3, #0
3:  cmp r0, r1
    bhs 4f
    str r3, [r0]
    adds r0, r0, #4
    b 3b
4:  bl main
    bl semihost_exit
5:  b 5b

    .thumb_func
    .global fault_handler
fault_handler:
    movs r0, #0x7F
    bl semihost_exit
6:  b 6b
    .pool
