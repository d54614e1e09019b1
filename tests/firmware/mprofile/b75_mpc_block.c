/*
 * §9 behaviour 75 on mps2-an505 (mprofile.md §6.4; SSE-200 TRM "Memory Protection Controller"; tz-mpc): SSRAM1 sits
 * behind MPC1 (registers at 0x58008000), Secure at reset (every LUT bit 0). The Secure firmware makes its data
 * accesses to 0x2xxxxxxx Non-secure with SAU_CTRL.ALLNS, so a load/store at the NS alias 0x28001000 is a Non-secure
 * access to a Secure block: with CTRL.SEC_RESP clear it reads as zero and the write is ignored, the MPC records the
 * offset in INT_INFO1 and the attributes in INT_INFO2 and raises INT_STAT, which the security controller shows in
 * SECMPCINTSTATUS; with SEC_RESP set the access is a precise BusFault. (QEMU 7.2 bus-faults every blocked CPU
 * access and records nothing: a documented deviation, mapped by the test.)
 */
#include "tz.h"
#include "mp_bus_probe.h"

#define SSRAM1_NS 0x28001000u
#define SSRAM1_S 0x38001000u
#define MPC_CTRL_SEC_RESP (1u << 4)

int main(void)
{
    mp_set_handler(EXC_BUSFAULT, bus_probe_handler);
    SCB_SHCSR |= 1u << 17;
    REG32(SSRAM1_S) = 0x5EC2E7u;
    uint32_t lut0 = (MPC_BLK_IDX(MPC_SSRAM1) = 0, MPC_BLK_LUT(MPC_SSRAM1));
    SAU_CTRL = 2;
    mp_isb();

    uint32_t ns_read = bus_probe_load(SSRAM1_NS);
    bus_probe_store(SSRAM1_NS, 0x1111u);
    uint32_t raz_faults = bus_probe_faults;
    uint32_t info1 = MPC_INT_INFO1(MPC_SSRAM1), info2 = MPC_INT_INFO2(MPC_SSRAM1), stat = MPC_INT_STAT(MPC_SSRAM1);
    uint32_t secmpc = SECCTL_SECMPCINTSTATUS;
    MPC_INT_CLEAR(MPC_SSRAM1) = 1;
    uint32_t stat_cleared = MPC_INT_STAT(MPC_SSRAM1);

    MPC_CTRL(MPC_SSRAM1) |= MPC_CTRL_SEC_RESP;
    uint32_t secresp_read = bus_probe_load(SSRAM1_NS);
    uint32_t secresp_faults = bus_probe_faults, secresp_cfsr = bus_probe_cfsr, secresp_bfar = bus_probe_bfar;
    MPC_CTRL(MPC_SSRAM1) &= ~MPC_CTRL_SEC_RESP;
    MPC_INT_CLEAR(MPC_SSRAM1) = 1;
    SAU_CTRL = 0;
    mp_isb();

    mp_kv("b75 lut0", lut0);
    mp_kv("s_word", REG32(SSRAM1_S));
    mp_end_line();
    mp_kv("b75 raz read", ns_read);
    mp_kv("faults", raz_faults);
    mp_kv("info1", info1);
    mp_kv("info2", info2);
    mp_kv("stat", stat);
    mp_kv("secmpc", secmpc);
    mp_kv("cleared", stat_cleared);
    mp_end_line();
    mp_kv("b75 sec_resp read", secresp_read);
    mp_kv("faults", secresp_faults);
    mp_kv("cfsr", secresp_cfsr);
    mp_kv("bfar", secresp_bfar);
    mp_end_line();
    return 0;
}
