/*
 * Malformed image: initial SP in unmapped memory (0x50000000) and reset PC in unmapped memory (0x60000001):
 * the first fetch is a BusFault IBUSERR, escalated to HardFault; stacking its frame fails (STKERR).
 */
    .syntax unified
    .thumb
    .text
    .word 0x50000000
    .word 0x60000001
    .word hardfault_handler
    .word hardfault_handler

    .thumb_func
hardfault_handler:
    movs r0, #0x18
    ldr r1, =0x20026
    bkpt 0xab
    b .
    .size hardfault_handler, . - hardfault_handler
    .pool
