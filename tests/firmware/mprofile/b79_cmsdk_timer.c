/*
 * §9 behaviour 79 (mprofile.md §6.6 CMSDK APB timer) on Timer0 of mps2-an385 (0x40000000, IRQ 8, PCLK 25 MHz).
 * Checks, each independent of how fast the emulator runs: a RELOAD write sets VALUE (exactly while stopped, and
 * restarts a running count); INTSTATUS is set at the end of a period only with IRQEN, drives IRQ 8 as a level
 * (NVIC pending bit) and is W1C; one INTSTATUS event per reload (counted against the reloads seen in VALUE while
 * polling); the interrupt handler runs once per period when it clears INTSTATUS (it stops the timer at its 4th
 * entry, so the count is exact); RELOAD=0 stops the counter at 0. Waits are bounded and report "timeout". Run with
 * -icount so the timer follows the instruction count; -DB79_REAL_TIME leaves out the one check a host stall can
 * upset on real time (the polled period count), for a run without -icount.
 */
#include "mp.h"

#define T_CTRL REG32(0x40000000u)
#define T_VALUE REG32(0x40000004u)
#define T_RELOAD REG32(0x40000008u)
#define T_INTSTATUS REG32(0x4000000Cu)
#define CTRL_EN 1u
#define CTRL_IRQEN 8u
#define IRQ_TIMER0 8
#define WAIT_LIMIT (1u << 30)

static volatile uint32_t irq_count, irq_status_all = 1;

static void timer0_irq(void)
{
    irq_count++;
    irq_status_all &= T_INTSTATUS;
    T_INTSTATUS = 1;
    if (irq_count == 4) {
        T_CTRL = 0;
    }
}

static void timeout(const char *what)
{
    mp_end_line();
    console_puts("b79 timeout ");
    mp_line(what);
    mp_exit(1);
}

/* Polls until VALUE goes up (a reload); returns 1 then, 0 on timeout. */
static int wait_reload(void)
{
    uint32_t prev = T_VALUE;
    for (uint32_t i = 0; i < WAIT_LIMIT; i++) {
        uint32_t v = T_VALUE;
        if (v > prev) {
            return 1;
        }
        prev = v;
    }
    return 0;
}

int main(void)
{
    mp_kv("b79 reset ctrl", T_CTRL);
    mp_kv("value", T_VALUE);
    mp_kv("reload", T_RELOAD);
    mp_kv("intstatus", T_INTSTATUS);
    mp_kv("pid0", REG32(0x40000FE0u));
    T_RELOAD = 1000;
    mp_kv("stopped_reload_value", T_VALUE);
    T_VALUE = 500;
    mp_kv("stopped_value_write", T_VALUE);
    mp_end_line();

    /* Without IRQEN a reload does not set INTSTATUS. */
    T_RELOAD = 25000;
    T_CTRL = CTRL_EN;
    if (!wait_reload()) {
        timeout("no reload");
    }
    T_CTRL = 0;
    mp_kv("b79 no_irqen_intstatus", T_INTSTATUS);
    mp_kv("pending", (NVIC_ISPR(0) >> IRQ_TIMER0) & 1);

    /* With IRQEN: INTSTATUS set, IRQ 8 pending (NVIC disabled), W1C. */
    T_RELOAD = 25000;
    T_CTRL = CTRL_EN | CTRL_IRQEN;
    uint32_t i = 0;
    while (!(T_INTSTATUS & 1) && ++i < WAIT_LIMIT) {
    }
    T_CTRL = 0;
    if (i == WAIT_LIMIT) {
        timeout("no intstatus");
    }
    mp_kv("irqen_intstatus", T_INTSTATUS);
    mp_kv("pending", (NVIC_ISPR(0) >> IRQ_TIMER0) & 1);
    T_INTSTATUS = 0;
    mp_kv("w1c_zero", T_INTSTATUS);
    T_INTSTATUS = 1;
    mp_kv("w1c_one", T_INTSTATUS);
    NVIC_ICPR(0) = 1u << IRQ_TIMER0;
    mp_kv("pending_after_icpr", (NVIC_ISPR(0) >> IRQ_TIMER0) & 1);
    mp_end_line();

#ifndef B79_REAL_TIME
    /*
     * One INTSTATUS event per period: 3 events counted against the period ends seen in VALUE (10 ms periods). Only
     * with -icount: on real time a host stall of about a period makes the polling miss a period end.
     */
    uint32_t ints = 0, reloads = 0;
    T_RELOAD = 250000;
    T_CTRL = CTRL_EN | CTRL_IRQEN;
    uint32_t prev = T_VALUE;
    for (i = 0; ints < 3 && i < WAIT_LIMIT; i++) {
        if (T_INTSTATUS & 1) {
            T_INTSTATUS = 1;
            ints++;
        }
        /* A period ends when VALUE reaches 0 (held for one tick) or, if 0 was not sampled, when it jumps up. */
        uint32_t v = T_VALUE;
        if (prev != 0 && (v == 0 || v > prev)) {
            reloads++;
        }
        prev = v;
    }
    T_CTRL = 0;
    if (i == WAIT_LIMIT) {
        timeout("polled periods");
    }
    NVIC_ICPR(0) = 1u << IRQ_TIMER0;
    mp_kv("b79 polled ints", ints);
    mp_kv("reloads", reloads);
    mp_end_line();
#endif

    /* Interrupt handler: once per period while it clears INTSTATUS; stops the timer at the 4th entry. */
    mp_set_handler(EXC_IRQ0 + IRQ_TIMER0, timer0_irq);
    NVIC_ISER(0) = 1u << IRQ_TIMER0;
    T_RELOAD = 25000;
    T_CTRL = CTRL_EN | CTRL_IRQEN;
    for (i = 0; irq_count < 4 && i < WAIT_LIMIT; i++) {
    }
    if (i == WAIT_LIMIT) {
        timeout("irq count");
    }
    /* The timer is stopped: no further entries however long this waits. */
    for (volatile int j = 0; j < 100000; j++) {
    }
    NVIC_ICER(0) = 1u << IRQ_TIMER0;
    mp_kv("b79 irq_count", irq_count);
    mp_kv("intstatus_in_handler", irq_status_all);
    mp_kv("ctrl", T_CTRL);
    mp_kv("intstatus", T_INTSTATUS);
    mp_end_line();

    /* A RELOAD write restarts a running count; RELOAD=0 stops at 0. */
    T_RELOAD = 0x00800000;
    T_CTRL = CTRL_EN;
    for (i = 0; T_VALUE > 0x00400000 && i < WAIT_LIMIT; i++) {
    }
    if (i == WAIT_LIMIT) {
        timeout("half period");
    }
    T_RELOAD = 0x00800000;
    uint32_t v = T_VALUE;
    mp_kv("b79 restarted", v > 0x00400000 && v <= 0x00800000);
    T_RELOAD = 0;
    uint32_t z1 = T_VALUE;
    for (volatile int j = 0; j < 100000; j++) {
    }
    mp_kv("reload0_value", z1 | T_VALUE);
    mp_kv("ctrl", T_CTRL);
    T_CTRL = 0;
    mp_end_line();
    return 0;
}
