/*
 * Malformed image: the reset vector has bit 0 clear (EPSR.T = 0), so the first instruction raises UsageFault
 * INVSTATE, escalated to HardFault; the HardFault handler exits through semihosting with code 3.
 */
    .syntax unified
    .thumb
    .text
    .word 0x20001000
    .word reset_even            /* a label without .thumb_func: bit 0 clear */
    .word hardfault_handler     /* NMI */
    .word hardfault_handler     /* HardFault */

reset_even:
    .thumb_func
reset_handler:
    nop
    b .
    .size reset_handler, . - reset_handler

    .thumb_func
hardfault_handler:
    movs r0, #0x18
    ldr r1, =0x20026
    bkpt 0xab
    b .
    .size hardfault_handler, . - hardfault_handler
    .pool
