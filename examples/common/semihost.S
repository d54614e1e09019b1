/*
 * Semihosting calls made with the M-profile trigger BKPT #0xAB (Arm "Semihosting for AArch32 and AArch64",
 * management.md §7): SYS_EXIT_EXTENDED (0x20) ends the emulator with the given status. QEMU and Nemu need
 * -semihosting on the command line for this; without it the BKPT escalates to a HardFault.
 */
    .syntax unified
    .thumb
    .text
    .align 2

    /* void semihost_exit(int status): SYS_EXIT_EXTENDED {ADP_Stopped_ApplicationExit, status} */
    .thumb_func
    .global semihost_exit
semihost_exit:
    sub sp, sp, #8
    ldr r1, =0x20026            /* ADP_Stopped_ApplicationExit */
    str r1, [sp]
    str r0, [sp, #4]
    mov r1, sp
    movs r0, #0x20
    bkpt 0xab
1:  b 1b
    .pool
