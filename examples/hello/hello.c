/*
 * hello: the smallest useful MPS2 firmware. Writes a greeting and what it finds about the machine on the
 * CMSDK UART0 (the terminal with -nographic), then ends the emulator with status 0 through semihosting:
 *
 *   ./nemu-system-arm -M mps2-an385 -nographic -semihosting -kernel examples/hello/hello.elf
 *
 * The registers read are the SCB CPUID (ARMv7-M ARM B3.2.3) and the MPS2 SCC ID (mprofile.md §6.8).
 */
#include <stdint.h>

#include "uart.h"

#define SCB_CPUID (*(volatile uint32_t *)0xE000ED00u)
#define SCC_ID (*(volatile uint32_t *)0x4002FFFCu)

static uint32_t fibonacci(uint32_t n)
{
    uint32_t a = 0, b = 1;
    while (n-- != 0) {
        uint32_t next = a + b;
        a = b;
        b = next;
    }
    return a;
}

int main(void)
{
    uart_init();
    uart_puts("Hello from Nemu!\n");
    uart_puts("This is examples/hello running on the emulated MPS2 board.\n");

    uint32_t cpuid = SCB_CPUID;
    uart_puts("CPUID  0x");
    uart_hex(cpuid, 8);
    uart_puts(" (part 0x");
    uart_hex((cpuid >> 4) & 0xFFF, 3);
    uart_puts(" r");
    uart_dec((cpuid >> 20) & 0xF);
    uart_puts("p");
    uart_dec(cpuid & 0xF);
    uart_puts(")\nSCC ID 0x");
    uart_hex(SCC_ID, 8);
    uart_puts("\nfib(40) = ");
    uart_dec(fibonacci(40));
    uart_puts("\nBye: exiting through semihosting SYS_EXIT_EXTENDED with status 0.\n");
    return 0;
}
