/*
 * A small preemptive RTOS-style kernel used as an acceptance test of the M-profile exception model (issue 4):
 * SysTick + PendSV context switch on the process stack, first task started through SVC, unprivileged tasks
 * under PMSAv7 MPU protection, FP tasks with lazy stacking (FPCCR.ASPEN/LSPEN at their reset values).
 * Architecture: Armv7-M ARM B1.5 (exceptions, EXC_RETURN, lazy FP), B3.5 (PMSAv7); mprofile.md §2-§5.
 *
 * Everything printed is independent of when interrupts are taken, so qemu-system-arm (which takes interrupts
 * at translation-block ends) and Nemu print the same text: tasks do a fixed number of work units whose
 * checksums do not depend on where they were preempted, the kernel prints only its switch count at multiples
 * of RTOS_PROGRESS, and the final report comes after all work is done. The tick count is never printed.
 */
#ifndef NEMU_FW_RTOS_H
#define NEMU_FW_RTOS_H

#include <stdint.h>
#include "mp.h"

/* Context switches (PendSV runs) before the final phase starts; progress lines every RTOS_PROGRESS. */
#ifndef RTOS_SWITCHES
#define RTOS_SWITCHES 1000000u
#endif
#define RTOS_PROGRESS (RTOS_SWITCHES / 10u)

/* Worker tasks (0..RTOS_WORKERS-1) and the MPU probe task (RTOS_PROBE). */
#define RTOS_WORKERS 4
#define RTOS_PROBE RTOS_WORKERS
#define RTOS_TASKS (RTOS_WORKERS + 1)

/* Each task stack is one 2 KB MPU region, aligned to its size. */
#define RTOS_STACK_BYTES 2048u

/* Supervisor calls (the immediate of the SVC instruction). */
enum { SVC_START = 0, SVC_YIELD = 1, SVC_PUTS = 2, SVC_DONE = 3 };

/* What a worker computes: integer mixing, or single-precision FP with its own FPSCR rounding mode. */
enum { WORK_INT = 0, WORK_FP = 1 };

/* A task's parameters and results; lives in the user area, the one RAM region tasks may write besides their stack. */
struct task_data {
    uint32_t id;
    uint32_t kind;
    uint32_t units;
    uint32_t yield_every;
    uint32_t seed;
    uint32_t fpscr;         /* FPSCR the FP work runs with (rounding mode, flush-to-zero) */
    uint32_t units_done;
    uint32_t checksum;
    uint32_t integrity_failures;
};

/* The user area: one 4 KB MPU region readable and writable by unprivileged code. */
struct user_area {
    union {
        struct {
            struct task_data tasks[RTOS_WORKERS];
            uint32_t victim;    /* address the probe writes: a word inside worker 0's stack */
        };
        uint8_t region[4096];   /* the whole MPU region, so nothing else is linked into it */
    };
};
extern struct user_area rtos_user;

/* Task bodies (tasks.c). */
void worker_main(struct task_data *td) __attribute__((noreturn));
void probe_main(struct task_data *td) __attribute__((noreturn));
/* The same work without switches or checks, for the kernel's reference checksums. */
uint32_t work_reference(const struct task_data *td);

/* switch.S: exception handlers and the register/FP integrity checks. */
void pendsv_handler(void);
void svc_handler(void);
/* Fills r1-r12 with patterns of seed, spins, and returns how many registers changed. */
uint32_t reg_check(uint32_t seed, uint32_t spins);
/* Fills s0-s31 and FPSCR with patterns of seed / fpscr, spins, returns how many changed; restores FPSCR. */
uint32_t fp_check(uint32_t seed, uint32_t spins, uint32_t fpscr);

/* Kernel entry points called from switch.S. */
uint32_t kernel_switch(uint32_t sp, uint32_t fpccr, uint32_t fpcar, uint32_t frame);
uint32_t kernel_start(void);
void kernel_svc(uint32_t *frame, uint32_t number);

/* Unprivileged system calls. */
static inline void sys_yield(void) { __asm volatile("svc %0" : : "i"(SVC_YIELD) : "memory"); }
static inline void sys_puts(const char *s)
{
    register const char *r0 __asm("r0") = s;
    __asm volatile("svc %1" : : "r"(r0), "i"(SVC_PUTS) : "memory");
}
static inline void sys_done(void) { __asm volatile("svc %0" : : "i"(SVC_DONE) : "memory"); }

#endif
