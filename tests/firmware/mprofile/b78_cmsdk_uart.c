/*
 * §9 behaviour 78 (mprofile.md §6.5 CMSDK APB UART) on UART1 of mps2-an385 (0x40005000, RX IRQ 2, TX IRQ 3, the
 * UART0-2 overrun OR on IRQ 12); UART0 stays the console. UART1 has no backend, so a transmission completes at
 * once. Checks: INTSTATUS.TX is set only by a completed write with TXINTEN=1 (not by enabling TXINTEN while the
 * transmitter is empty: edge, not level), it drives the TX IRQ line (NVIC pending bit), INTSTATUS is W1C; with
 * TXEN=0 a written byte stays in the buffer (STATE.TXFULL) and a second write sets STATE.TXOVR, reported in
 * INTSTATUS.TXO only while TXOVRINTEN is set and raising the overrun IRQ; clearing INTSTATUS.TXO clears
 * STATE.TXOVR. Not covered: RX (needs host input: RXFULL, INTSTATUS.RX and the RX overrun need a received byte).
 */
#include "mp.h"

#define UART1 0x40005000u
#define U_DATA REG32(UART1 + 0x00)
#define U_STATE REG32(UART1 + 0x04)
#define U_CTRL REG32(UART1 + 0x08)
#define U_INTSTATUS REG32(UART1 + 0x0C)
#define U_BAUDDIV REG32(UART1 + 0x10)
#define IRQ_UART1_TX 3
#define IRQ_UART_OVERRUN 12

static uint32_t pending(int irq) { return (NVIC_ISPR(0) >> irq) & 1; }

int main(void)
{
    mp_kv("b78 reset state", U_STATE);
    mp_kv("ctrl", U_CTRL);
    mp_kv("intstatus", U_INTSTATUS);
    mp_kv("pid0", REG32(UART1 + 0xFE0));
    mp_end_line();

    U_BAUDDIV = 16;
    U_CTRL = 1; /* TXEN, no TXINTEN */
    U_DATA = 'a';
    mp_kv("b78 tx_no_inten intstatus", U_INTSTATUS);
    mp_kv("state", U_STATE);
    U_CTRL = 1 | 4; /* TXINTEN while empty */
    mp_kv("inten_while_empty", U_INTSTATUS);
    mp_kv("tx_pending", pending(IRQ_UART1_TX));
    U_DATA = 'b';
    mp_kv("after_write", U_INTSTATUS);
    mp_kv("state", U_STATE);
    mp_kv("tx_pending", pending(IRQ_UART1_TX));
    mp_end_line();

    U_INTSTATUS = 0;
    mp_kv("b78 w1c_zero", U_INTSTATUS);
    U_INTSTATUS = 1;
    mp_kv("w1c_one", U_INTSTATUS);
    NVIC_ICPR(0) = 1u << IRQ_UART1_TX;
    mp_kv("tx_pending_after_icpr", pending(IRQ_UART1_TX));
    mp_end_line();

    U_CTRL = 4; /* TXINTEN, TXEN=0 */
    U_DATA = 'c';
    mp_kv("b78 txen0 state", U_STATE);
    mp_kv("intstatus", U_INTSTATUS);
    U_DATA = 'd';
    mp_kv("second_write_state", U_STATE);
    mp_kv("intstatus", U_INTSTATUS);
    mp_kv("ovr_pending", pending(IRQ_UART_OVERRUN));
    U_CTRL = 4 | 0x10; /* TXOVRINTEN */
    mp_kv("txovrinten_intstatus", U_INTSTATUS);
    mp_kv("ovr_pending", pending(IRQ_UART_OVERRUN));
    U_CTRL = 4;
    mp_kv("txovrinten_off_intstatus", U_INTSTATUS);
    U_CTRL = 4 | 0x10;
    U_INTSTATUS = 4;
    mp_kv("txo_w1c_state", U_STATE);
    mp_kv("intstatus", U_INTSTATUS);
    mp_end_line();

    U_STATE = 0;
    U_DATA = 'e';
    mp_kv("b78 state_w1c overrun_again", U_STATE);
    U_STATE = 4;
    mp_kv("state_after_w1c", U_STATE);
    U_CTRL = 1 | 4; /* enabling TX does not send the held byte */
    mp_kv("txen_held_state", U_STATE);
    mp_kv("intstatus", U_INTSTATUS);
    U_DATA = 'f';
    mp_kv("write_while_full_state", U_STATE);
    mp_kv("intstatus", U_INTSTATUS);
    mp_end_line();
    NVIC_ICPR(0) = 0xFFFFFFFFu;
    return 0;
}
