/*
 * Console of the example firmware: the CMSDK APB UART0 of the MPS2 boards at 0x40004000 (Arm CMSDK TRM,
 * mprofile.md §6.5), which QEMU and Nemu connect to -serial 0 (the terminal with -nographic).
 */
#ifndef NEMU_EXAMPLES_UART_H
#define NEMU_EXAMPLES_UART_H

#include <stdint.h>

/* Enables the transmitter. */
void uart_init(void);
void uart_putc(char c);
void uart_puts(const char *s);
/* Lower-case hexadecimal, exactly `digits` digits (the low ones). */
void uart_hex(uint32_t v, int digits);
void uart_dec(uint32_t v);

/* Ends the emulator with status (semihosting SYS_EXIT_EXTENDED; needs -semihosting). */
void semihost_exit(int status) __attribute__((noreturn));

#endif
