/*
 * §9 behaviour 67 (mprofile.md §5.5; QEMU v8m_security_lookup "hit in more than one region"): an address in two
 * enabled SAU regions is Secure (not NSC) with no valid region: TT reports S=1, SRVALID=0, SREGION=0, and a Secure
 * load through the IDAU-Non-secure alias 0x00000000 keeps Secure attributes (the MPC, all Secure at reset, passes
 * it), whereas an address in one Non-secure region is loaded with Non-secure attributes (the MPC answers BusFault).
 */
#include "tz.h"
#include "mp_mpu.h"

int main(void)
{
    mp_set_handler(EXC_BUSFAULT, mpu_fault_handler);
    SCB_SHCSR |= 1u << 17;
    uint32_t word = REG32(0x10000004);
    tz_sau_region(0, 0x00000000, 0x000007FF, 0);
    tz_sau_region(1, 0x00000000, 0x000003FF, 0);
    tz_sau_region(5, 0x00001000, 0x00001FFF, 1);
    SAU_CTRL = 1;
    mp_isb();
    mp_kv("b67 overlap_same", REG32(0x00000004) == word);
    mp_kv("single_ns_faults", mpu_try_read(0x00000404));
    mp_kv("cfsr", mpu_cfsr);
    mp_end_line();
    mp_kv("b67 tt_overlap", tz_tt(0x00000004));
    mp_kv("tt_single", tz_tt(0x00000404));
    mp_kv("tt_nsc", tz_tt(0x00001010));
    mp_kv("tt_none", tz_tt(0x00002000));
    mp_end_line();
    return 0;
}
