/*
 * §9 behaviour 52 (mprofile.md §3 step 5, §2.8): a level-sensitive interrupt still asserted when its handler returns
 * is pended again on deactivation and, since it can preempt Thread, tail-chains at once: the second entry sees the
 * first one's SP and LR = the EXC_RETURN it returned with. The source is UART1's TX interrupt (CMSDK APB UART at
 * 0x40005000, IRQ 3 on mps2-an385/an386), which stays high until INTCLEAR.TX is written; the first handler run leaves
 * it set, the second clears it.
 */
#include "mp.h"

#define UART1 0x40005000u
#define UART1_TX_IRQ 3

static volatile uint32_t count, sp_first, sp_second, lr_second;

__attribute__((naked)) static void uart_tx_handler(void)
{
    __asm volatile(
        ".syntax unified\n"
        "mov r0, sp\n"
        "mov r1, lr\n"
        "push {r4, lr}\n"
        "bl b52_irq\n"
        "pop {r4, pc}\n");
}

void b52_irq(uint32_t sp, uint32_t lr)
{
    count++;
    if (count == 1) {
        sp_first = sp;
    } else {
        sp_second = sp;
        lr_second = lr;
        REG32(UART1 + 0xC) = 1; /* INTCLEAR.TX (bit 0): the line drops */
    }
}

int main(void)
{
    mp_set_handler(EXC_IRQ0 + UART1_TX_IRQ, uart_tx_handler);
    REG32(UART1 + 0x10) = 16;    /* BAUDDIV */
    REG32(UART1 + 0x8) = 1 | 4;  /* TX enable, TX interrupt enable */
    NVIC_ISER(0) = 1u << UART1_TX_IRQ;
    REG32(UART1 + 0x0) = 'x';
    for (volatile int i = 0; i < 100000 && count < 2; i++) {
    }
    mp_kv("b52 count", count);
    mp_kv("same_sp", sp_first == sp_second);
    mp_kv("lr", lr_second);
    mp_end_line();
    return 0;
}
