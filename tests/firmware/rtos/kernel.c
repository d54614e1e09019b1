/*
 * The kernel of the RTOS firmware (rtos.h): round-robin scheduler driven by SysTick and yields (both pend
 * PendSV), first task started through SVC, unprivileged tasks (CONTROL.nPRIV=1) on PSP, PMSAv7 MPU with
 * PRIVDEFENA (the kernel uses the default map) and four regions for tasks: code (RO/RO, executable), the
 * user area (RW/RW, XN), UART0 (RW/RW, XN) and the running task's stack (RW/RW, XN; reprogrammed at every
 * switch). Armv7-M ARM B1.5 (exceptions), B3.2 (SCB), B3.3 (SysTick), B3.5 (PMSAv7); mprofile.md §2-§5.
 * Priorities: MemManage 0x40, SVCall 0x80, PendSV and SysTick 0xFF (so a tick never interrupts the kernel and
 * a yield's PendSV runs when the SVC returns). The final phase runs the probe alone: its store into worker
 * 0's stack takes MemManage (DACCVIOL, MMFAR), the kernel reports it and kills the probe, then prints every
 * worker's checksum next to a reference computed without switches and exits through semihosting.
 */
#include "rtos.h"

#ifndef RTOS_UNITS
#define RTOS_UNITS 50000u
#endif
/* SysTick reload: 2500 cycles of the 25 MHz MPS2 CPU clock, 100 us. */
#ifndef RTOS_TICK
#define RTOS_TICK 2499u
#endif

#define ICSR_PENDSVSET (1u << 28)
#define SHCSR_MEMFAULTENA (1u << 16)
#define MPU_RBAR_VALID (1u << 4)
#define MPU_RASR_XN (1u << 28)
#define MPU_CTRL_ENABLE 1u
#define MPU_CTRL_PRIVDEFENA 4u
#define AP_RW_RW 3u
#define AP_RO_RO 6u
#define ATTR_NORMAL ((1u << 17) | (1u << 18))   /* C, S: normal memory, write-through */
#define ATTR_DEVICE ((1u << 16) | (1u << 18))   /* B, S: shareable device */
#define EXC_RETURN_THREAD_PSP 0xFFFFFFFDu

enum { READY, WAITING, FINISHED, DEAD };

struct tcb {
    uint32_t sp;
    uint32_t state;
    uint32_t done;
};

static uint32_t stacks[RTOS_TASKS][RTOS_STACK_BYTES / 4] __attribute__((aligned(RTOS_STACK_BYTES)));
static struct tcb tcbs[RTOS_TASKS];
static uint32_t current;
static uint32_t switches;
static uint32_t final_phase;
static uint32_t probe_faults;
static uint32_t lazy_fp_seen;
static uint32_t lazy_fp_errors;
struct user_area rtos_user __attribute__((aligned(4096)));

static uint32_t rasr(unsigned size_log2, uint32_t ap, uint32_t xn, uint32_t attrs)
{
    return xn | (ap << 24) | attrs | ((size_log2 - 1u) << 1) | 1u;
}

static void mpu_region(uint32_t region, uint32_t base, uint32_t attributes)
{
    MPU_RBAR = base | MPU_RBAR_VALID | region;
    MPU_RASR = attributes;
}

/* Every task stack has the same size and attributes, so a switch only moves region 3's base (RBAR with VALID). */
static void mpu_task_stack(uint32_t task)
{
    (void)task;
#ifndef RTOS_NO_MPU_SWITCH
    MPU_RBAR = (uint32_t)stacks[task] | MPU_RBAR_VALID | 3u;
#endif
    mp_isb();
}

static void mpu_init(void)
{
    mpu_region(0, 0x00000000u, rasr(22, AP_RO_RO, 0, ATTR_NORMAL));
    mpu_region(1, (uint32_t)&rtos_user, rasr(12, AP_RW_RW, MPU_RASR_XN, ATTR_NORMAL));
    mpu_region(2, 0x40004000u, rasr(12, AP_RW_RW, MPU_RASR_XN, ATTR_DEVICE));
    mpu_region(3, (uint32_t)stacks[0], rasr(11, AP_RW_RW, MPU_RASR_XN, ATTR_NORMAL));
    MPU_CTRL = MPU_CTRL_ENABLE | MPU_CTRL_PRIVDEFENA;
    mp_isb();
}

/* Stack as PendSV leaves it: R4-R11, EXC_RETURN, then the hardware frame R0-R3, R12, LR, PC, xPSR. */
static void task_init(uint32_t task, void (*entry)(struct task_data *), struct task_data *arg, uint32_t state)
{
    uint32_t *sp = &stacks[task][RTOS_STACK_BYTES / 4];
    *--sp = 0x01000000u;                      /* xPSR: T */
    *--sp = (uint32_t)entry & ~1u;            /* PC */
    *--sp = 0xFFFFFFFFu;                      /* LR: tasks never return */
    for (int r = 0; r < 4; r++) {
        *--sp = 0;                            /* R12, R3, R2, R1 */
    }
    *--sp = (uint32_t)arg;                    /* R0 */
    *--sp = EXC_RETURN_THREAD_PSP;
    for (int r = 11; r >= 4; r--) {
        *--sp = 0;                            /* R11..R4 */
    }
    tcbs[task].sp = (uint32_t)sp;
    tcbs[task].state = state;
    tcbs[task].done = 0;
}

static int all_workers_done(void)
{
    for (int i = 0; i < RTOS_WORKERS; i++) {
        if (!tcbs[i].done) {
            return 0;
        }
    }
    return 1;
}

static void kernel_finish(void) __attribute__((noreturn));

/*
 * A task with an FP context that entered an exception from Thread mode reaches PendSV with its FP state still
 * lazily reserved (the kernel never uses FP before the VSTMDB): FPCCR.LSPACT = 1 and FPCAR = the S0 slot of the
 * frame on its stack (Armv7-M ARM B1.5.7, B3.2.22-23). When PendSV tail-chains from an exception taken right
 * after the previous switch-in, the task ran no instruction in between, its frame is the one PendSV built and
 * LSPACT is 0: nothing to check then.
 */
static void check_lazy_fp(uint32_t fpccr, uint32_t fpcar, uint32_t frame)
{
    if ((fpccr & 1u) == 0) {
        return;
    }
    lazy_fp_seen = 1;
    if (fpcar != frame + 0x20u) {
        lazy_fp_errors++;
    }
}

uint32_t kernel_switch(uint32_t sp, uint32_t fpccr, uint32_t fpcar, uint32_t frame)
{
    tcbs[current].sp = sp;
    check_lazy_fp(fpccr, fpcar, frame);
    switches++;
    if (switches % RTOS_PROGRESS == 0 && switches <= RTOS_SWITCHES) {
        console_puts("kernel: switches=");
        console_dec(switches);
        console_putc('\n');
    }
    if (!final_phase && switches >= RTOS_SWITCHES && all_workers_done()) {
        final_phase = 1;
        console_puts("kernel: all workers done, final phase: MPU probe\n");
        for (int i = 0; i < RTOS_WORKERS; i++) {
            tcbs[i].state = FINISHED;
        }
        tcbs[RTOS_PROBE].state = READY;
    }
    uint32_t next = current;
    for (int n = 0; n < RTOS_TASKS; n++) {
        next = (next + 1) % RTOS_TASKS;
        if (tcbs[next].state == READY) {
            current = next;
            mpu_task_stack(next);
            return tcbs[next].sp;
        }
    }
    kernel_finish();
}

uint32_t kernel_start(void)
{
    current = 0;
    mpu_task_stack(0);
    SYST_RVR = RTOS_TICK;
    SYST_CVR = 0;
    SYST_CSR = 7;                             /* ENABLE, TICKINT, CLKSOURCE = CPU clock */
    mp_set_control(1);                        /* nPRIV: Thread mode runs unprivileged */
    return tcbs[0].sp;
}

void kernel_svc(uint32_t *frame, uint32_t number)
{
    switch (number) {
    case SVC_YIELD:
        SCB_ICSR = ICSR_PENDSVSET;
        break;
    case SVC_PUTS:
        console_puts((const char *)frame[0]);
        break;
    case SVC_DONE:
        tcbs[current].done = 1;
        if (current == RTOS_PROBE) {
            tcbs[current].state = FINISHED;
            SCB_ICSR = ICSR_PENDSVSET;
        }
        break;
    default:
        console_puts("kernel: unknown svc ");
        console_dec(number);
        console_putc('\n');
        break;
    }
}

static void systick_handler(void)
{
    SCB_ICSR = ICSR_PENDSVSET;
}

static void memmanage_handler(void)
{
    uint32_t cfsr = SCB_CFSR;
    uint32_t mmfar = SCB_MMFAR;
    console_puts("kernel: MemManage in task ");
    console_dec(current);
    console_putc(' ');
    mp_kv("cfsr", cfsr);
    mp_kv("mmfar", mmfar);
    mp_kv("victim", rtos_user.victim);
    console_puts(mmfar == rtos_user.victim && (cfsr & 0xFF) == 0x82 ? "DACCVIOL on worker 0's stack" : "UNEXPECTED");
    console_puts(", task killed\n");
    if (current == RTOS_PROBE && mmfar == rtos_user.victim && (cfsr & 0xFF) == 0x82) {
        probe_faults++;
    }
    SCB_CFSR = cfsr & 0xFFu;                  /* MMFSR is write-one-to-clear */
    tcbs[current].state = DEAD;
    SCB_ICSR = ICSR_PENDSVSET;
}

static void kernel_finish(void)
{
    SYST_CSR = 0;
    uint32_t failures = 0;
    for (int i = 0; i < RTOS_WORKERS; i++) {
        const struct task_data *td = &rtos_user.tasks[i];
        uint32_t reference = work_reference(td);
        console_puts("task ");
        console_dec(i);
        console_puts(td->kind == WORK_FP ? ": fp " : ": int ");
        console_puts("units=");
        console_dec(td->units_done);
        console_putc(' ');
        mp_kv("checksum", td->checksum);
        mp_kv("reference", reference);
        console_puts("integrity_failures=");
        console_dec(td->integrity_failures);
        console_putc('\n');
        failures += td->integrity_failures + (td->checksum != reference) + (td->units_done != td->units);
    }
#if defined(__ARM_FP)
    console_puts("kernel: lazily reserved FP frames seen=");
    console_dec(lazy_fp_seen);
    console_puts(" fpcar_errors=");
    console_dec(lazy_fp_errors);
    console_putc('\n');
    failures += lazy_fp_errors + (lazy_fp_seen != 1);
#endif
    console_puts("probe: memmanage_kills=");
    console_dec(probe_faults);
    console_putc('\n');
    failures += probe_faults != 1;
    console_puts(failures == 0 ? "rtos: PASS\n" : "rtos: FAIL\n");
    mp_exit(failures == 0 ? 0 : 1);
}

int main(void)
{
    static const struct { uint32_t kind, yield_every, seed, fpscr; } plan[RTOS_WORKERS] = {
        { WORK_INT, 1, 0x00001234u, 0 },
#if defined(__ARM_FP)
        { WORK_FP, 1, 0x00000042u, 0x01000000u },  /* FZ, round to nearest */
        { WORK_FP, 8, 0x00000077u, 0x00C00000u },  /* round towards zero */
#else
        { WORK_INT, 1, 0x00000042u, 0 },
        { WORK_INT, 8, 0x00000077u, 0 },
#endif
        { WORK_INT, 2, 0x0000BEEFu, 0 },
    };
#if defined(__ARM_FP)
    console_puts("rtos: cortex-m4 with FPU, lazy FP stacking (FPCCR=");
    console_hex32(FPCCR);
    console_puts(")\n");
#else
    console_puts("rtos: cortex-m3, no FPU\n");
#endif
    console_puts("rtos: ");
    console_dec(RTOS_WORKERS);
    console_puts(" workers x ");
    console_dec(RTOS_UNITS);
    console_puts(" units, unprivileged, MPU stack regions; target ");
    console_dec(RTOS_SWITCHES);
    console_puts(" context switches\n");

    for (int i = 0; i < RTOS_WORKERS; i++) {
        struct task_data *td = &rtos_user.tasks[i];
        td->id = i;
        td->kind = plan[i].kind;
        td->units = RTOS_UNITS;
        td->yield_every = plan[i].yield_every;
        td->seed = plan[i].seed;
        td->fpscr = plan[i].fpscr;
        task_init(i, worker_main, td, READY);
    }
    rtos_user.victim = (uint32_t)&stacks[0][16];
    task_init(RTOS_PROBE, probe_main, 0, WAITING);

    mp_set_handler(EXC_SVC, svc_handler);
    mp_set_handler(EXC_PENDSV, pendsv_handler);
    mp_set_handler(EXC_SYSTICK, systick_handler);
    mp_set_handler(EXC_MEMMANAGE, memmanage_handler);
    REG8(0xE000ED18) = 0x40;                  /* SHPR1: MemManage */
    REG8(0xE000ED1F) = 0x80;                  /* SHPR2: SVCall */
    REG8(0xE000ED22) = 0xFF;                  /* SHPR3: PendSV */
    REG8(0xE000ED23) = 0xFF;                  /* SHPR3: SysTick */
    SCB_SHCSR |= SHCSR_MEMFAULTENA;
    mpu_init();
    __asm volatile("svc %0" : : "i"(SVC_START) : "memory");
    for (;;) {
    }
}
