/*
 * §9 behaviour 65 (mprofile.md §5.4; Armv8-M ARM D1.2 MPU_RBAR_An/MPU_RLAR_An): the PMSAv8 aliases at +8, +0x10,
 * +0x18 address region (RNR & ~3) | n without changing RNR; the registers read back raw (all ones stays all ones),
 * RNR ignores out-of-range values, MPU_TYPE shows QEMU 7.2's 16 regions, MAIR0/MAIR1 are stored; the Non-secure
 * bank (written by Secure code through the 0xE002E000 alias) is separate.
 */
#include "tz.h"

#define RBAR_A(n) REG32(0xE000ED9C + 8 * (n))
#define RLAR_A(n) REG32(0xE000EDA0 + 8 * (n))

int main(void)
{
    mp_kv("b65 type", MPU_TYPE);
    MPU_RNR = 5;
    RBAR_A(1) = 0x20000101;
    RBAR_A(2) = 0x20000202;
    RBAR_A(3) = 0x20000303;
    RLAR_A(1) = 0x200011E0;
    RLAR_A(3) = 0x200033E0;
    mp_kv("rnr", MPU_RNR);
    mp_kv("rbar", MPU_RBAR);
    mp_end_line();
    for (uint32_t n = 4; n < 8; n++) {
        MPU_RNR = n;
        mp_kv("b65 region", n);
        mp_kv("rbar", MPU_RBAR);
        mp_kv("rlar", MPU_RLAR);
        mp_end_line();
    }
    MPU_RNR = 14;
    mp_kv("b65 rnr14 a1", RBAR_A(1));
    mp_kv("a2", RBAR_A(2));
    RBAR_A(3) = 0xFFFFFFFF;
    RLAR_A(3) = 0xFFFFFFFF;
    MPU_RNR = 15;
    mp_kv("rbar15", MPU_RBAR);
    mp_kv("rlar15", MPU_RLAR);
    MPU_RNR = 0xFF;
    mp_kv("rnr_ff", MPU_RNR);
    MPU_MAIR0 = 0xFFFFFFFF;
    REG32(0xE000EDC4) = 0x12345678;
    mp_kv("mair0", MPU_MAIR0);
    mp_kv("mair1", REG32(0xE000EDC4));
    MPU_CTRL = 0xFFFFFFFF;
    mp_kv("ctrl", MPU_CTRL);
    MPU_CTRL = 0;
    mp_end_line();
    SCS_NS(0xD98) = 3;
    SCS_NS(0xD9C) = 0xABCDEF00;
    mp_kv("b65 ns rnr", SCS_NS(0xD98));
    mp_kv("ns_rbar", SCS_NS(0xD9C));
    mp_kv("ns_type", SCS_NS(0xD90));
    mp_kv("s_rnr", MPU_RNR);
    MPU_RNR = 3;
    mp_kv("s_rbar3", MPU_RBAR);
    mp_end_line();
    return 0;
}
