/* Conformance firmware kit: vector table handling and reports (see mp.h). */
#include "mp.h"

volatile uint32_t mp_vectors[MP_VECTORS] __attribute__((aligned(256)));

void mp_set_handler(int exc, void (*handler)(void))
{
    mp_vectors[exc] = (uint32_t)handler;
    mp_isb();
}

void mp_kv(const char *name, uint32_t value)
{
    console_puts(name);
    console_putc('=');
    console_hex32(value);
    console_putc(' ');
}

void mp_end_line(void)
{
    console_putc('\n');
}

void mp_line(const char *text)
{
    console_puts(text);
    console_putc('\n');
}

void mp_exit(int code)
{
    console_flush();
    semihost_exit(code);
}

void mp_unexpected(void)
{
    console_puts("unexpected exception ");
    console_dec(mp_ipsr() & 0x1FF);
    console_putc(' ');
#if __ARM_ARCH_7M__ || __ARM_ARCH_7EM__ || __ARM_ARCH_8M_MAIN__
    mp_kv("cfsr", SCB_CFSR);
    mp_kv("hfsr", SCB_HFSR);
    mp_kv("shcsr", SCB_SHCSR);
#endif
#if defined(__ARM_FEATURE_CMSE) && __ARM_FEATURE_CMSE == 3
    mp_kv("sfsr", REG32(0xE000EDE4));
#endif
    mp_end_line();
    mp_exit(0x7F);
}

/* The C run-time set-up, called by the start files before mp_init: .data from its load address, .bss zeroed. */
void mp_crt_init(void)
{
    extern uint32_t __data_start[], __data_end[], __data_load[], __bss_start[], __bss_end[];
    for (uint32_t *d = __data_start, *s = __data_load; d < __data_end;) {
        *d++ = *s++;
    }
    for (uint32_t *d = __bss_start; d < __bss_end;) {
        *d++ = 0;
    }
}

/* Called by mp_start.S before main. */
void mp_init(void)
{
    for (int i = 0; i < MP_VECTORS; i++) {
        mp_vectors[i] = (uint32_t)mp_unexpected;
    }
    extern uint32_t __stack_top;
    mp_vectors[0] = (uint32_t)&__stack_top;
    SCB_VTOR = (uint32_t)mp_vectors;
    mp_isb();
    console_init();
}
