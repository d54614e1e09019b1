/*
 * Semihosting calls (Arm semihosting spec: SYS_WRITE0 0x04, SYS_EXIT_EXTENDED 0x20), made with the M-profile
 * trigger BKPT #0xAB (mprofile.md §6.2). r0 = operation, r1 = argument; the result comes back in r0.
 */
    .syntax unified
    .thumb
    .text
    .align 2

    /* void semihost_write0(const char *s) */
    .thumb_func
    .global semihost_write0
semihost_write0:
    mov r1, r0
    movs r0, #0x04
    bkpt 0xab
    bx lr

    /* void semihost_exit(int code): SYS_EXIT_EXTENDED {ADP_Stopped_ApplicationExit, code} */
    .thumb_func
    .global semihost_exit
semihost_exit:
    sub sp, sp, #8
    ldr r1, =0x20026
    str r1, [sp]
    str r0, [sp, #4]
    mov r1, sp
    movs r0, #0x20
    bkpt 0xab
1:  b 1b
    .pool
