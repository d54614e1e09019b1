/* Demo: prints a greeting on the console (CMSDK UART0 on MPS2 boards) and exits 0 through semihosting. */
#include "console.h"

int main(void)
{
    console_init();
    console_puts("Hello from Nemu\n");
    console_flush();
    return 0;
}
