/*
 * Reset for §9 behaviour 76 only (b76_reset_state.c; mprofile.md §6.1): the ROM vector table gives an initial SP
 * with its low two bits set (the core must use [VTOR] & ~3) and b76_reset as reset vector, while the ELF entry
 * point (ENTRY(reset_handler) of sections.ld) is a decoy that exits with status 76: -kernel must ignore it. b76_reset
 * captures LR, SP, PC and VTOR before touching anything, then does what mp_start.S does (mp_crt_init, mp_init) and
 * passes them to b76_main. No FPU enable: m0/m3 only.
 */
    .syntax unified
    .thumb

    .section .vectors, "a"
    .align 2
    .global __vectors
__vectors:
    .word __stack_top - 0x100 + 3
    .word b76_reset
    .rept 46
    .word mp_unexpected
    .endr

    .text
    .align 2
    /* The ELF entry point: never run when the loader ignores e_entry. */
    .thumb_func
    .global reset_handler
reset_handler:
    movs r0, #76
    bl semihost_exit

    .align 2
    .thumb_func
    .global b76_reset
b76_reset:
    mov r4, lr
    mov r5, sp
    mov r6, pc          /* b76_reset + 8 */
    ldr r0, =0xE000ED08
    ldr r7, [r0]
    bl mp_crt_init
    bl mp_init
    mov r0, r4
    mov r1, r5
    mov r2, r6
    mov r3, r7
    bl b76_main
    bl mp_exit
5:  b 5b
    .pool
