/*
 * printf: newlib (nano) on bare metal. printf with floating point (linked with -u _printf_float), libm
 * (sqrt, sin, cos, exp, log, pow, atan) in soft-float on the Cortex-M3, a heap allocation through malloc,
 * all printed on the CMSDK UART0 by examples/common/syscalls.c; returning from main calls exit(), which
 * flushes stdio and ends the emulator through semihosting:
 *
 *   ./nemu-system-arm -M mps2-an385 -nographic -semihosting -kernel examples/printf/printf.elf
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "uart.h"

int main(void)
{
    uart_init();
    printf("newlib printf on %s\n", "mps2-an385 (Cortex-M3, soft-float)");

    double pi = 4.0 * atan(1.0);
    printf("pi          = %.15f\n", pi);
    printf("e           = %.15f\n", exp(1.0));
    printf("sqrt(2)     = %.15f\n", sqrt(2.0));
    printf("sin(pi/6)   = %.6f\n", sin(pi / 6.0));
    printf("cos(pi/3)   = %.6f\n", cos(pi / 3.0));
    printf("log(10)     = %.10f\n", log(10.0));
    printf("pow(2, 0.5) = %.10e\n", pow(2.0, 0.5));
    printf("1/3 (float) = %.7f\n", (double)(1.0f / 3.0f));
    printf("%-8s|%8d|%08x|%+.2e\n", "fields", -42, 0xC0FFEEu, 12345.678);

    double sum = 0.0;
    for (int k = 1; k <= 1000; k++) {
        sum += 1.0 / ((double)k * (double)k);
    }
    printf("sum 1/k^2, k=1..1000 = %.12f (pi^2/6 = %.12f)\n", sum, pi * pi / 6.0);

    char *text = malloc(64);
    if (text == NULL) {
        printf("malloc failed\n");
        return 1;
    }
    snprintf(text, 64, "%d squares: %d %d %d %d", 4, 1, 4, 9, 16);
    printf("heap: \"%s\" (%u bytes)\n", text, (unsigned)strlen(text));
    free(text);

    printf("done, exit status 0\n");
    return 0;
}
