/*
 * Reset for §9 behaviour 76 only (b76_reset_state.c; mprofile.md §6.1): the ROM vector table gives an initial SP
 * with its low two bits set (the core must use [VTOR] & ~3) and b76_reset as reset vector, while the ELF entry
 * point (ENTRY(reset_handler) of sections.ld) is a decoy that exits with status 76: -kernel must ignore it. b76_reset
 * captures LR, SP, PC and VTOR before touching anything, then does what mp_start.S does (.data, .bss, mp_init) and
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
4:  bl mp_init
    mov r0, r4
    mov r1, r5
    mov r2, r6
    mov r3, r7
    bl b76_main
    bl mp_exit
5:  b 5b
    .pool
