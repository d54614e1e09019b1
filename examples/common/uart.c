/*
 * CMSDK APB UART0 transmit (mprofile.md §6.5): BAUDDIV must be at least 16 and CTRL.TXEN set before data
 * leaves; each byte waits while STATE.TXFULL. Also the fault report that startup.S's Default_Handler calls.
 * Not modelled: receive, interrupts.
 */
#include "uart.h"

#define UART0_BASE 0x40004000u
#define UART_DATA (*(volatile uint32_t *)(UART0_BASE + 0x00))
#define UART_STATE (*(volatile uint32_t *)(UART0_BASE + 0x04))
#define UART_CTRL (*(volatile uint32_t *)(UART0_BASE + 0x08))
#define UART_BAUDDIV (*(volatile uint32_t *)(UART0_BASE + 0x10))
#define UART_STATE_TXFULL 1u
#define UART_CTRL_TXEN 1u

void report_fault(uint32_t ipsr) __attribute__((noreturn));

void uart_init(void)
{
    UART_BAUDDIV = 16;
    UART_CTRL = UART_CTRL_TXEN;
}

void uart_putc(char c)
{
    while (UART_STATE & UART_STATE_TXFULL) {
    }
    UART_DATA = (uint8_t)c;
}

void uart_puts(const char *s)
{
    while (*s) {
        uart_putc(*s++);
    }
}

void uart_hex(uint32_t v, int digits)
{
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
        uart_putc("0123456789abcdef"[(v >> shift) & 0xF]);
    }
}

void uart_dec(uint32_t v)
{
    char digits[10];
    int n = 0;
    do {
        digits[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v != 0);
    while (n > 0) {
        uart_putc(digits[--n]);
    }
}

void report_fault(uint32_t ipsr)
{
    uart_init();
    uart_puts("\nunexpected exception ");
    uart_dec(ipsr & 0x1FF);
    uart_puts(", exiting\n");
    semihost_exit(0x7F);
}
