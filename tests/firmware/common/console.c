/*
 * Console implementation (see console.h). The CMSDK UART is enabled with CTRL.TXEN and BAUDDIV 16 (the
 * smallest divisor the model accepts, mprofile.md §6.5); each byte waits while STATE.TXFULL. The semihosting
 * backend collects a line and sends it with one SYS_WRITE0 so a run makes one trap per line, not per byte.
 * Not modelled: input, interrupts.
 */
#include "console.h"

/* UART0 of the MPS2 boards; the SSE-200 Secure images use its Secure alias (-DCONSOLE_UART_BASE=0x50200000u). */
#ifndef CONSOLE_UART_BASE
#define CONSOLE_UART_BASE 0x40004000u
#endif
#define UART_DATA (*(volatile uint32_t *)(CONSOLE_UART_BASE + 0x00))
#define UART_STATE (*(volatile uint32_t *)(CONSOLE_UART_BASE + 0x04))
#define UART_CTRL (*(volatile uint32_t *)(CONSOLE_UART_BASE + 0x08))
#define UART_BAUDDIV (*(volatile uint32_t *)(CONSOLE_UART_BASE + 0x10))
#define UART_STATE_TXFULL 1u
#define UART_CTRL_TXEN 1u

#ifndef CONSOLE_UART_CMSDK
static char line[160];
static unsigned line_len;
#endif

void console_init(void)
{
#ifdef CONSOLE_UART_CMSDK
    UART_BAUDDIV = 16;
    UART_CTRL = UART_CTRL_TXEN;
#endif
}

void console_flush(void)
{
#ifndef CONSOLE_UART_CMSDK
    if (line_len != 0) {
        line[line_len] = 0;
        semihost_write0(line);
        line_len = 0;
    }
#endif
}

void console_putc(char c)
{
#ifdef CONSOLE_UART_CMSDK
    while (UART_STATE & UART_STATE_TXFULL) {
    }
    UART_DATA = (uint8_t)c;
#else
    line[line_len++] = c;
    if (c == '\n' || line_len == sizeof line - 1) {
        console_flush();
    }
#endif
}

void console_puts(const char *s)
{
    while (*s) {
        console_putc(*s++);
    }
}

void console_hex32(uint32_t v)
{
    for (int shift = 28; shift >= 0; shift -= 4) {
        console_putc("0123456789abcdef"[(v >> shift) & 0xF]);
    }
}

void console_hex(uint32_t v)
{
    int shift = 28;
    while (shift > 0 && ((v >> shift) & 0xF) == 0) {
        shift -= 4;
    }
    for (; shift >= 0; shift -= 4) {
        console_putc("0123456789abcdef"[(v >> shift) & 0xF]);
    }
}

void console_dec(uint32_t v)
{
    char digits[10];
    int n = 0;
    do {
        /* v6-M has no divide instruction: libgcc provides __aeabi_uidivmod. */
        digits[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v != 0);
    while (n > 0) {
        console_putc(digits[--n]);
    }
}
