/*
 * Console for the test firmware: a line-buffered text output with a tiny printf-free formatter.
 * Backend chosen at build time: CONSOLE_UART_CMSDK writes to the CMSDK APB UART0 at 0x40004000
 * (mprofile.md §6.5; MPS2 boards), otherwise each line goes out through semihosting SYS_WRITE0.
 */
#ifndef NEMU_FW_CONSOLE_H
#define NEMU_FW_CONSOLE_H

#include <stdint.h>

void console_init(void);
void console_putc(char c);
void console_puts(const char *s);
/* Lower-case hex, always 8 digits. */
void console_hex32(uint32_t v);
/* Lower-case hex without leading zeros ("0" for zero). */
void console_hex(uint32_t v);
void console_dec(uint32_t v);
/* Sends any partial line. */
void console_flush(void);

void semihost_write0(const char *s);
void semihost_exit(int code) __attribute__((noreturn));

#endif
