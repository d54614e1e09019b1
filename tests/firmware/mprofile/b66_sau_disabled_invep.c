/*
 * §9 behaviour 66 (mprofile.md §5.5, §5.6; QEMU v8m_security_lookup): with SAU_CTRL = 0 (reset) every address is
 * Secure, so a Secure load of SSRAM0 through its Non-secure alias 0x00000000 is made with Secure attributes and the
 * MPC (LUT all Secure at reset) lets it through; with ALLNS = 1 the IDAU-Non-secure alias becomes Non-secure, the
 * load of another page is made with Non-secure attributes and the MPC blocks it (BusFault), while the IDAU-Secure alias
 * 0x10000000 stays Secure. Then BXNS to an address that is Secure (IDAU) makes the Non-secure fetch fail with
 * SecureFault INVEP (taken to Secure; the handler reports and exits).
 */
#include "tz.h"
#include "mp_mpu.h"

static volatile uint32_t sfsr_seen;

void b66_securefault_c(void)
{
    sfsr_seen = SCB_SFSR;
    mp_kv("b66 securefault sfsr", sfsr_seen);
    mp_kv("sfar", (sfsr_seen & SFSR_SFARVALID) ? SCB_SFAR : 0);
    mp_end_line();
    mp_exit(0);
}

__attribute__((naked)) static void b66_securefault(void)
{
    __asm volatile("ldr sp, =__stack_top - 0x100\n bl b66_securefault_c\n .ltorg\n");
}

int main(void)
{
    mp_set_handler(EXC_BUSFAULT, mpu_fault_handler);
    SCB_SHCSR |= 1u << 17;
    uint32_t word = REG32(0x10000004);
    mp_kv("b66 ctrl", SAU_CTRL);
    mp_kv("type", SAU_TYPE);
    mp_kv("ns_alias_same", REG32(0x00000004) == word);
    mp_end_line();
    SAU_CTRL = 2; /* ALLNS */
    mp_isb();
    mp_kv("b66 allns ns_alias_faults", mpu_try_read(0x00000804));
    mp_kv("cfsr", mpu_cfsr);
    mp_kv("s_alias_same", REG32(0x10000004) == word);
    mp_end_line();

    /* A Non-secure stack the SecureFault entry can push to: SSRAM2 (IDAU NS, ALLNS) with its MPC opened. */
    tz_mpc_set(MPC_SSRAM2, 0, 0x1000, 1);
    tz_set_msp_ns(TZ_NS_RAM_BASE + 0x1000);
    mp_set_handler(EXC_SECUREFAULT, b66_securefault);
    SCB_SHCSR |= SHCSR_SECUREFAULTENA;
    mp_isb();
    __asm volatile("ldr r0, =0x10000400\n bxns r0\n .ltorg\n" : : : "r0");
    mp_line("b66 not reached");
    return 1;
}
