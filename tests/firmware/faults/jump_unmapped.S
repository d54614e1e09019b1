/*
 * Code that branches to unmapped memory: IBUSERR, escalated to HardFault. With -DHANDLER_FAULTS the HardFault
 * handler itself loads from unmapped memory (a BusFault at priority -1: lockup); otherwise it exits with code 3.
 */
    .syntax unified
    .thumb
    .text
    .word 0x20001000
    .word reset_handler
    .word hardfault_handler
    .word hardfault_handler

    .thumb_func
reset_handler:
    movs r0, #1
    ldr r1, =0x60000001
    bx r1
    .size reset_handler, . - reset_handler

    .thumb_func
hardfault_handler:
#ifdef HANDLER_FAULTS
    ldr r2, =0x60000000
    ldr r2, [r2]
#endif
    movs r0, #0x18
    ldr r1, =0x20026
    bkpt 0xab
    b .
    .size hardfault_handler, . - hardfault_handler
    .pool
