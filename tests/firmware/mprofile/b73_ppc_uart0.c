/*
 * §9 behaviours 73 and 74 on mps2-an505 (mprofile.md §6.4; SSE-200 TRM, iotkit-secctl APBNSPPCEXP1 0x84,
 * APBNSPPPCEXP1 0xC4 of the Non-secure block 0x40080000, SECRESPCFG 0x10, SECPPCINTSTAT 0x20; tz-ppc): UART0 sits behind apb_ppcexp1 port 5, NS at
 * 0x40200000 and S at 0x50200000. The Secure firmware makes its own data accesses to 0x4xxxxxxx Non-secure with
 * SAU_CTRL.ALLNS (SAU disabled: the IDAU's Non-secure regions are Non-secure). At reset the port is Secure: an NS
 * access is RAZ/WI and sets the PPC interrupt status; with SECRESPCFG=1 it is a BusFault. With APBNSPPCEXP1 bit 5
 * the port is NS: NS privileged access works, the S alias is blocked (#73); an unprivileged NS access (LDRT) stays
 * blocked until APBNSPPPCEXP1 bit 5 (#74). The console (UART0's S alias) is restored before anything is printed.
 */
#include "mp.h"
#include "mp_bus_probe.h"

#define SECCTL(off) REG32(0x50080000u + (off))
/* The security controller's Non-secure block: APBNSPPPCEXP1 (NS unprivileged access) is at 0x400800C4. */
#define SECCTL_NS(off) REG32(0x40080000u + (off))
#define SAU_CTRL REG32(0xE000EDD0)
#define UART0_NS_CTRL 0x40200008u
#define UART0_S_CTRL 0x50200008u

int main(void)
{
    mp_set_handler(5, bus_probe_handler);
    SCB_SHCSR |= 1u << 17;
    SAU_CTRL = 2;
    mp_isb();

    uint32_t ns_reset = bus_probe_load(UART0_NS_CTRL);
    bus_probe_store(UART0_NS_CTRL, 0);
    uint32_t s_after_ns_write = bus_probe_load(UART0_S_CTRL);
    uint32_t ppc_stat = SECCTL(0x20);
    SECCTL(0x24) = ppc_stat;
    uint32_t ppc_stat_cleared = SECCTL(0x20);

    SECCTL(0x10) = 1;
    uint32_t ns_secresp = bus_probe_load(UART0_NS_CTRL);
    uint32_t secresp_faults = bus_probe_faults, secresp_cfsr = bus_probe_cfsr, secresp_bfar = bus_probe_bfar;
    SECCTL(0x10) = 0;
    SECCTL(0x24) = SECCTL(0x20);

    SECCTL(0x84) = 1u << 5;
    uint32_t ns_open = bus_probe_load(UART0_NS_CTRL);
    uint32_t s_open = bus_probe_load(UART0_S_CTRL);
    uint32_t unpriv_blocked = bus_probe_load_unpriv(UART0_NS_CTRL);
    SECCTL_NS(0xC4) = 1u << 5;
    uint32_t unpriv_open = bus_probe_load_unpriv(UART0_NS_CTRL);
    uint32_t ppc_stat_open = SECCTL(0x20);
    uint32_t nspppcexp1 = SECCTL_NS(0xC4);
    SECCTL_NS(0xC4) = 0;
    SECCTL(0x84) = 0;
    SECCTL(0x24) = SECCTL(0x20);
    SAU_CTRL = 0;
    mp_isb();

    mp_kv("b73 ns_reset", ns_reset);
    mp_kv("s_after_ns_write", s_after_ns_write);
    mp_kv("ppc_stat", ppc_stat);
    mp_kv("cleared", ppc_stat_cleared);
    mp_end_line();
    mp_kv("b73 secresp", ns_secresp);
    mp_kv("faults", secresp_faults);
    mp_kv("cfsr", secresp_cfsr);
    mp_kv("bfar", secresp_bfar);
    mp_end_line();
    mp_kv("b73 ns_open", ns_open);
    mp_kv("s_open", s_open);
    mp_end_line();
    mp_kv("b74 unpriv_blocked", unpriv_blocked);
    mp_kv("unpriv_open", unpriv_open);
    mp_kv("ppc_stat", ppc_stat_open);
    mp_kv("apbnspppcexp1", nspppcexp1);
    mp_kv("faults", bus_probe_faults);
    mp_end_line();
    return 0;
}
