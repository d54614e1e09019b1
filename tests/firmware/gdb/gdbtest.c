/*
 * Firmware for the gdb acceptance test (issue 7; tests/Nemu.Cli.Tests/Acceptance/GdbBatchDifferentialTests.cs).
 * Built with -g so gdb can `break main`, `step` into accumulate(), `next` over the second call, `watch counter`
 * (a RAM global written in a loop: QEMU 7.2 never reports watchpoints on MMIO, plan finding 10) and run to a
 * semihosting SYS_EXIT_EXTENDED (exit code 3), which ends the emulator and gives gdb "exited with code 03".
 *
 * Built with -DSYSTICK_STEP it checks single-step with an interrupt pending instead: SysTick is enabled with
 * a short reload and pended while PRIMASK is set, then `systick_window` unmasks (cpsie i) before a run of
 * nops. `stepi` from systick_window must land on the next instruction (QEMU's default sstep flags NOIRQ |
 * NOTIMER), and only `continue` enters SysTick_Handler.
 *
 * Built with -DSPIN_FOREVER main counts forever (the QMP tests need a guest that keeps running after `cont`).
 * Self-contained: own vector table, no libc.
 */
#include <stdint.h>

#define SYST_CSR (*(volatile uint32_t *)0xE000E010u)
#define SYST_RVR (*(volatile uint32_t *)0xE000E014u)
#define SYST_CVR (*(volatile uint32_t *)0xE000E018u)
#define SCB_ICSR (*(volatile uint32_t *)0xE000ED04u)
#define ICSR_PENDSTSET (1u << 26)
#define ICSR_PENDSTCLR (1u << 25)

volatile uint32_t counter;
volatile uint32_t scratch[4];
volatile uint32_t ticks;
extern uint32_t __bss_start, __bss_end;

void reset(void);
void default_handler(void);
void SysTick_Handler(void);
int main(void);

__attribute__((section(".vectors"), used)) static void (*const vectors[16])(void) = {
    (void (*)(void))0x20010000u, reset,
    default_handler, default_handler, default_handler, default_handler, default_handler, default_handler,
    default_handler, default_handler, default_handler, default_handler, default_handler, default_handler,
    default_handler, SysTick_Handler,
};

/* Semihosting SYS_EXIT_EXTENDED (0x20): {ADP_Stopped_ApplicationExit, code}. */
__attribute__((noreturn)) static void semihost_exit(uint32_t code)
{
    static volatile uint32_t block[2];
    block[0] = 0x20026u;
    block[1] = code;
    register uint32_t r0 __asm__("r0") = 0x20u;
    register volatile uint32_t *r1 __asm__("r1") = block;
    __asm__ volatile("bkpt 0xab" : : "r"(r0), "r"(r1) : "memory");
    for (;;) {
    }
}

void default_handler(void)
{
    semihost_exit(0x7f);
}

void SysTick_Handler(void)
{
    SYST_CSR = 0;
    SCB_ICSR = ICSR_PENDSTCLR;
    ticks = ticks + 1;
}

__attribute__((noinline)) uint32_t accumulate(uint32_t a, uint32_t b)
{
    uint32_t sum = a + b;
    return sum * 3u;
}

#if defined(SPIN_FOREVER)
int main(void)
{
    for (;;) {
        counter = counter + 1u;
        if ((counter & 0xffu) == 0u) {
            scratch[3] = scratch[3] + 1u;
        }
    }
}
#elif !defined(SYSTICK_STEP)
int main(void)
{
    uint32_t total = accumulate(5u, 7u);
    total = total + accumulate(total, 1u);
    for (uint32_t i = 0; i < 8u; i++) {
        counter = counter + 1u;
    }
    scratch[0] = total;
    semihost_exit(counter == 8u ? 3u : 1u);
}
#else
int main(void)
{
    __asm__ volatile("cpsid i" : : : "memory");
    SYST_RVR = 99u;
    SYST_CVR = 0u;
    SYST_CSR = 7u; /* ENABLE | TICKINT | CLKSOURCE (core clock) */
    SCB_ICSR = ICSR_PENDSTSET;
    __asm__ volatile(".global systick_window\n"
                     "systick_window:\n"
                     "    cpsie i\n"
                     "    nop\n"
                     "    nop\n"
                     "    nop\n"
                     "    nop\n"
                     : : : "memory");
    semihost_exit(ticks == 1u ? 4u : 1u);
}
#endif

void reset(void)
{
    for (uint32_t *p = &__bss_start; p < &__bss_end; p++) {
        *p = 0;
    }
    main();
    semihost_exit(0x7e);
}
