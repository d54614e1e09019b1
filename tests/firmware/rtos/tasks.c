/*
 * Task bodies of the RTOS firmware (rtos.h). They run unprivileged on their own process stack and touch only
 * that stack, the user area and (the probe) the user-accessible UART region.
 * - Workers do a fixed number of work units. A unit's result depends only on the previous state, never on
 *   where the task was preempted; between units a worker runs the register (and on FP builds the S0-S31/FPSCR)
 *   integrity check, whose long spin is where most preemptions land, and yields every yield_every units.
 *   After its work a worker reports through SVC_DONE and keeps yielding until the kernel ends the run.
 * - FP workers run with their own FPSCR rounding mode, so an FPSCR leaked between tasks changes the checksum.
 * - The probe runs alone in the final phase and writes into worker 0's stack: MemManage DACCVIOL.
 */
#include "rtos.h"

#define INTEGRITY_SPINS 40u

static inline uint32_t rotl(uint32_t v, unsigned n) { return (v << n) | (v >> (32u - n)); }

static uint32_t int_unit(uint32_t *state, uint32_t u)
{
    uint32_t x = *state, h = u;
    for (int i = 0; i < 16; i++) {
        x = x * 1664525u + 1013904223u;
        h = rotl(h ^ x, 7) + (x >> 11);
        if (h & 1u) {
            h ^= 0x9E3779B9u;
        }
    }
    *state = x;
    return h;
}

#if defined(__ARM_FP)
static inline float fsqrt(float v)
{
    float r;
    __asm("vsqrt.f32 %0, %1" : "=t"(r) : "t"(v));
    return r;
}

static inline uint32_t fbits(float f)
{
    union { float f; uint32_t u; } v = { .f = f };
    return v.u;
}

static inline void set_fpscr(uint32_t v) { __asm volatile("vmsr fpscr, %0" : : "r"(v) : "memory"); }

struct fp_state { float a, b, c; };

static uint32_t fp_unit(struct fp_state *s, uint32_t u)
{
    float a = s->a, b = s->b, c = s->c;
    uint32_t h = u;
    for (int i = 0; i < 8; i++) {
        a = a * 1.000123f + b * 0.5f;
        b = b * 0.999f - a * 0.25f + 0.1f;
        c = fsqrt(a * a + b * b + 1.0f) / (c + 3.0f);
        if (a > 1.0e6f || a < -1.0e6f) {
            a *= 1.0e-3f;
        }
        h = rotl(h, 5) ^ fbits(a) ^ (fbits(b) >> 3) ^ fbits(c);
    }
    s->a = a;
    s->b = b;
    s->c = c;
    return h;
}
#endif

/* After each unit of a live worker: integrity checks, progress, and a yield every yield_every units. */
static inline void after_unit(struct task_data *td, const struct task_data *params, uint32_t checksum, uint32_t u, int fp)
{
    uint32_t seed = checksum ^ (params->id << 28);
    td->integrity_failures += reg_check(seed, INTEGRITY_SPINS);
#if defined(__ARM_FP)
    if (fp) {
        td->integrity_failures += fp_check(seed, INTEGRITY_SPINS, params->fpscr ^ 0x10000000u);
    }
#else
    (void)fp;
#endif
    td->units_done = u + 1;
    if ((u + 1) % params->yield_every == 0) {
        sys_yield();
    }
}

/* Integer work: no FP instruction, so the task never gets an FP context (its EXC_RETURN keeps FTYPE = 1). */
__attribute__((noinline)) static uint32_t int_work(struct task_data *td, const struct task_data *params, int live)
{
    uint32_t checksum = params->seed;
    uint32_t state = params->seed * 2654435761u;
    for (uint32_t u = 0; u < params->units; u++) {
        checksum = rotl(checksum, 3) ^ int_unit(&state, u);
        if (live) {
            after_unit(td, params, checksum, u, 0);
        }
    }
    return checksum;
}

#if defined(__ARM_FP)
__attribute__((noinline)) static uint32_t fp_work(struct task_data *td, const struct task_data *params, int live)
{
    uint32_t checksum = params->seed;
    struct fp_state fs = { (float)(params->seed & 0xFF) * 0.01f, 1.5f, 2.0f };
    set_fpscr(params->fpscr);
    for (uint32_t u = 0; u < params->units; u++) {
        checksum = rotl(checksum, 3) ^ fp_unit(&fs, u);
        if (live) {
            after_unit(td, params, checksum, u, 1);
        }
    }
    return checksum;
}
#endif

/* Runs the worker's work; a live worker (td != 0) also checks integrity and yields between units. */
static uint32_t run_work(struct task_data *td, const struct task_data *params, int live)
{
#if defined(__ARM_FP)
    if (params->kind == WORK_FP) {
        return fp_work(td, params, live);
    }
#endif
    return int_work(td, params, live);
}

void worker_main(struct task_data *td)
{
    td->checksum = run_work(td, td, 1);
    sys_done();
    for (;;) {
        sys_yield();
    }
}

uint32_t work_reference(const struct task_data *td)
{
    return run_work(0, td, 0);
}

/* Direct output through the UART region the MPU opens to unprivileged code (CMSDK UART0, mprofile.md §6.5). */
static void user_uart_puts(const char *s)
{
    volatile uint32_t *uart = (volatile uint32_t *)0x40004000u;
    for (; *s; s++) {
        while (uart[1] & 1u) {
        }
        uart[0] = (uint8_t)*s;
    }
}

void probe_main(struct task_data *td)
{
    (void)td;
    sys_puts("probe: started, unprivileged\n");
    user_uart_puts("probe: (direct UART write) storing into worker 0's stack\n");
    *(volatile uint32_t *)rtos_user.victim = 0xDEADBEEFu;
    sys_puts("probe: the write was not blocked\n");
    sys_done();
    for (;;) {
        sys_yield();
    }
}
