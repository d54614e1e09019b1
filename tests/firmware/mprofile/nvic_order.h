/*
 * Shared by the NVIC conformance firmware (b41-b54): a log of which handler ran in which order, and IRQ handlers
 * that append their letter to it. irq_hook, if set, runs inside IRQ handler 0 (to pend other exceptions there).
 */
#ifndef NEMU_FW_NVIC_ORDER_H
#define NEMU_FW_NVIC_ORDER_H

#include "mp.h"

static volatile char order[32];
static volatile int order_len;
static void (*volatile irq_hook)(void);

static void order_add(char c)
{
    if (order_len < 31) {
        order[order_len++] = c;
        order[order_len] = 0;
    }
}

static void order_reset(void)
{
    order_len = 0;
    order[0] = 0;
}

static void order_print(const char *label)
{
    console_puts(label);
    console_putc('=');
    console_puts(order_len ? (const char *)order : "-");
    console_putc(' ');
}

static void irq0(void) { order_add('a'); if (irq_hook) irq_hook(); }
static void irq1(void) { order_add('b'); }
static void irq2(void) { order_add('c'); }

static void install_irqs(void)
{
    mp_set_handler(EXC_IRQ0 + 0, irq0);
    mp_set_handler(EXC_IRQ0 + 1, irq1);
    mp_set_handler(EXC_IRQ0 + 2, irq2);
    NVIC_ISER(0) = 7;
}

#endif
