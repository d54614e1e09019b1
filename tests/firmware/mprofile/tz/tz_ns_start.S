/*
 * Reset for a separate Non-secure image (an505_ns.ld): its vector table (VTOR_NS points here, see
 * tz_start_ns_image), .data copy, .bss clear, main, then the Secure exit service with main's return value. Every
 * other vector reports through the Secure tz_s_unexpected entry (an SG veneer from the Secure image's import library).
 */
    .syntax unified
    .thumb

    .section .vectors, "a"
    .align 2
    .global __vectors
__vectors:
    .word __stack_top
    .word reset_handler
    .rept 62
    .word ns_default_handler
    .endr

    .text
    .align 2
    .thumb_func
    .global reset_handler
reset_handler:
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
    bl tz_s_exit
5:  b 5b

    .thumb_func
ns_default_handler:
    mrs r0, ipsr
    bl tz_s_unexpected
6:  b 6b
