/*
 * §9 behaviour 68 (mprofile.md §5.5, §6.4 armsse_idau_check): on mps2-an505 the IDAU makes addresses with bit 28 set
 * Secure whatever the SAU says (IREGION = address bits 31:28); an SAU Non-secure region over 0x0xxxxxxx makes it
 * Non-secure; with NSCCFG.CODENSC = 1, 0x1xxxxxxx becomes NSC only where the SAU says Non-secure or NSC, and an
 * SAU-Secure address there stays Secure. Reported with TT (Secure, privileged).
 */
#include "tz.h"
#include "mp_mpu.h"

static void tt(const char *name, uint32_t addr)
{
    mp_kv(name, tz_tt(addr));
}

int main(void)
{
    mp_set_handler(EXC_BUSFAULT, mpu_fault_handler);
    SCB_SHCSR |= 1u << 17;
    tz_sau_region(0, 0x10080000, 0x1008FFFF, 0);
    tz_sau_region(1, 0x00080000, 0x0008FFFF, 0);
    tz_sau_region(2, 0x100A0000, 0x100AFFFF, 1);
    SAU_CTRL = 1;
    mp_isb();
    tt("b68 s_alias_sau_ns", 0x10080000);
    tt("ns_alias_sau_ns", 0x00080000);
    tt("s_alias_sau_nsc", 0x100A0000);
    tt("s_alias_no_region", 0x100C0000);
    mp_end_line();
    mp_kv("b68 ns_alias_load_faults", mpu_try_read(0x00080000));
    mp_kv("s_alias_load_faults", mpu_try_read(0x10080000));
    mp_end_line();
    SECCTL_NSCCFG = NSCCFG_CODENSC;
    mp_isb();
    mp_kv("b68 codensc nsccfg", SECCTL_NSCCFG);
    tt("s_alias_sau_ns", 0x10080000);
    tt("s_alias_sau_nsc", 0x100A0000);
    tt("s_alias_no_region", 0x100C0000);
    tt("ram_sau_none", 0x38000000);
    mp_end_line();
    return 0;
}
