/*
 * The -d int/in_asm/exec/cpu reference firmware (management.md §8.1): SVC and its exception return, an IT
 * block, CONTROL.nPRIV (unprivileged Thread mode), then UDF with UsageFault enabled; the UsageFault handler
 * exits through semihosting (SYS_EXIT, ADP_Stopped_ApplicationExit). Own vector table, no C runtime.
 */
    .syntax unified
    .thumb
    .text
    .global __vectors
__vectors:
    .word 0x20001000
    .word reset_handler
    .word default_handler   /* NMI */
    .word default_handler   /* HardFault */
    .word default_handler   /* MemManage */
    .word default_handler   /* BusFault */
    .word usage_handler     /* UsageFault */
    .word 0, 0, 0, 0
    .word svc_handler
    .word 0, 0
    .word default_handler   /* PendSV */
    .word default_handler   /* SysTick */


    .thumb_func
    .global reset_handler
reset_handler:
    movs r0, #1
    svc #3
    ldr r1, =0xE000ED24     /* SHCSR */
    ldr r2, =0x70000        /* MEMFAULTENA | BUSFAULTENA | USGFAULTENA */
    str r2, [r1]
    cmp r0, #2
    ite eq
    moveq r3, #5
    movne r3, #6
    movs r5, #1
    msr control, r5         /* unprivileged Thread mode */
    isb
    adds r3, r3, r0
    udf #0

    .size reset_handler, . - reset_handler
    .thumb_func
    .global svc_handler
svc_handler:
    adds r0, r0, #1
    str r0, [sp]            /* the stacked r0 */
    bx lr

    .size svc_handler, . - svc_handler
    .thumb_func
    .global usage_handler
usage_handler:
    movs r0, #0x18          /* SYS_EXIT */
    ldr r1, =0x20026        /* ADP_Stopped_ApplicationExit */
    bkpt 0xab
    b .

    .size usage_handler, . - usage_handler
    .thumb_func
    .global default_handler
default_handler:
    movs r0, #0x18
    ldr r1, =0x20023        /* ADP_Stopped_RunTimeErrorUnknown */
    bkpt 0xab
    b .
    .size default_handler, . - default_handler
    .pool
