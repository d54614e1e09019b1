/*
 * Lockup exit (Armv7-M ARM B1.5.15; mprofile.md §8 lists QEMU's abort as a deviation): a fault inside the HardFault
 * handler locks the core up at priority -1; the CMSDK watchdog of mps2-an385 (0x40008000, wired to NMI) then fires
 * and its NMI preempts the lockup. The NMI handler sees the lockup address 0xFFFFFFFE as the stacked return address,
 * HardFault still active, and exits. QEMU aborts with "Lockup" at the second fault instead.
 */
#include "mp.h"

#define WDOG_LOAD REG32(0x40008000)
#define WDOG_CTRL REG32(0x40008008)
#define WDOG_INTCLR REG32(0x4000800C)
#define WDOG_LOCK REG32(0x40008C00)

__attribute__((naked)) static void hardfault_handler(void)
{
    __asm volatile("udf #2\n");
}

static void nmi_report(uint32_t *frame)
{
    WDOG_LOCK = 0x1ACCE551;
    WDOG_CTRL = 0;
    WDOG_INTCLR = 1;
    mp_kv("b11 nmi stacked_pc", frame[6]);
    mp_kv("ipsr", mp_ipsr());
    mp_kv("shcsr", SCB_SHCSR);
    mp_kv("hfsr", SCB_HFSR);
    mp_kv("cfsr", SCB_CFSR);
    mp_end_line();
    mp_exit(0);
}

__attribute__((naked)) static void nmi_handler(void)
{
    __asm volatile(
        "tst lr, #4\n"
        "ite eq\n"
        "mrseq r0, msp\n"
        "mrsne r0, psp\n"
        "b nmi_report_tail\n");
}

void nmi_report_tail(uint32_t *frame) __attribute__((used));
void nmi_report_tail(uint32_t *frame)
{
    nmi_report(frame);
}

int main(void)
{
    mp_set_handler(EXC_HARDFAULT, hardfault_handler);
    mp_set_handler(EXC_NMI, nmi_handler);
    mp_line("b11 start");
    console_flush();
    WDOG_LOCK = 0x1ACCE551;
    WDOG_LOAD = 250000; /* 10 ms at 25 MHz */
    WDOG_CTRL = 1;      /* INTEN */
    __asm volatile("udf #1\n");
    mp_line("b11 not reached");
    return 1;
}
