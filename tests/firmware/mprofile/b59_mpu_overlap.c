/*
 * §9 behaviour 59 (mprofile.md §5.3, Armv7-M ARM B3.5): PMSAv7 regions overlap with the highest-numbered
 * matching region deciding; a disabled subregion (SRD, regions of 256 bytes or more) does not match, so the
 * lookup falls through to lower regions or the background map; SRD is ignored for smaller regions. Also the
 * register interface: MPU_TYPE, and what MPU_CTRL/RNR/RBAR/RASR and the RBAR/RASR aliases read back after
 * writes of all ones (reported as "b59 reg ..."). v6-M has no MPU: MPU_TYPE and the rest read as zero there.
 */
#include "mp.h"
#if __ARM_ARCH_7M__ || __ARM_ARCH_7EM__
#include "mp_mpu.h"

static void registers(void)
{
    mp_kv("b59 reg type", MPU_TYPE);
    MPU_CTRL = 0xFFFFFFFF;
    mp_kv("ctrl", MPU_CTRL);
    MPU_CTRL = 0;
    MPU_RNR = 5;
    MPU_RNR = 0xFFFFFFFF;
    mp_kv("rnr_ff", MPU_RNR);
    MPU_RNR = 7;
    MPU_RBAR = 0xFFFFFFFF;
    mp_kv("rbar_valid_ff", MPU_RBAR);
    mp_kv("rnr", MPU_RNR);
    MPU_RBAR = 0xFFFFFFEF;
    mp_kv("rbar", MPU_RBAR);
    MPU_RASR = 0xFFFFFFFF;
    mp_kv("rasr", MPU_RASR);
    mp_end_line();
    MPU_RBAR = 0x20100013;
    mp_kv("b59 reg rbar_region3_rnr", MPU_RNR);
    mp_kv("rbar3", MPU_RBAR);
    MPU_RBAR_A(1) = 0x20200014;
    mp_kv("rnr_a1", MPU_RNR);
    mp_kv("rbar_a2", MPU_RBAR_A(2));
    MPU_RASR_A(3) = 0x1234567F;
    mp_kv("rasr_a3", MPU_RASR_A(3));
    mp_kv("rasr", MPU_RASR);
    MPU_RNR = 7;
    mp_kv("rasr7", MPU_RASR);
    mp_kv("rbar7", MPU_RBAR);
    mp_end_line();
    MPU_CTRL = 2;
    mp_kv("b59 reg ctrl_hfnmiena_only", MPU_CTRL);
    MPU_CTRL = 0;
    mp_end_line();
}

static void report(const char *what, uint32_t addr)
{
    mp_kv(what, mpu_try_read(addr));
}

int main(void)
{
    mpu_setup();
    registers();
    mpu_clear_regions();
    mpu_base_regions();
    /* Region 2: 64 KB full access; region 5 on top of its first 4 KB: no access. */
    mpu_region(2, 0x20100000, RASR(3, 0, 0, 15));
    mpu_region(5, 0x20100000, RASR(0, 0, 0, 11));
    /* Region 3: 4 KB no access; region 4 (higher) on top of its first 1 KB: full access. */
    mpu_region(3, 0x20110000, RASR(0, 0, 0, 11));
    mpu_region(4, 0x20110000, RASR(3, 0, 0, 9));
    /* Region 7: 2 KB no access, subregions 0-3 disabled: they fall through to the RAM region. */
    mpu_region(7, 0x20120000, RASR(0, 0, 0x0F, 10));
    /* Region 6: 128 bytes no access with every SRD bit set: SRD is ignored below 256 bytes. */
    mpu_region(6, 0x20130000, RASR(0, 0, 0xFF, 6));
    mpu_set_ctrl(MPU_CTRL_ENABLE | MPU_CTRL_PRIVDEFENA);

    report("b59 overlap hi_noaccess", 0x20100000);
    report("lo_beyond_hi", 0x20101000);
    report("hi_full_over_lo_none", 0x20110000);
    report("lo_none_beyond_hi", 0x20110400);
    mp_end_line();
    report("b59 srd disabled_sub0", 0x20120000);
    report("disabled_sub3", 0x20120380);
    report("enabled_sub4", 0x20120400);
    report("small_region_srd_ignored", 0x20130000);
    report("after_small", 0x20130080);
    mp_end_line();

    /* Region 5 now with SRD bit 1 (subregion 0x200-0x3FF) disabled: that part falls through to region 2. */
    mpu_set_ctrl(0);
    mpu_region(5, 0x20100000, RASR(0, 0, 0x02, 11));
    mpu_set_ctrl(MPU_CTRL_ENABLE | MPU_CTRL_PRIVDEFENA);
    report("b59 srd2 sub0", 0x20100000);
    report("sub1", 0x20100200);
    report("sub2", 0x20100400);
    mp_end_line();

    /* SIZE below 4 (UNPREDICTABLE) and a base not aligned to the size. */
    mpu_set_ctrl(0);
    mpu_clear_regions();
    mpu_base_regions();
    mpu_region(6, 0x20140000, RASR(0, 0, 0, 2));
    mpu_region(7, 0x20150100, RASR(0, 0, 0, 11));
    mpu_set_ctrl(MPU_CTRL_ENABLE | MPU_CTRL_PRIVDEFENA);
    report("b59 odd size2_at", 0x20140000);
    report("size2_after", 0x20140008);
    report("size2_page", 0x20140100);
    report("misaligned_base", 0x20150100);
    report("misaligned_aligned_down", 0x20150000);
    mp_kv("faults", mpu_faults);
    mp_kv("last_cfsr", mpu_cfsr);
    mp_kv("last_mmfar", mpu_mmfar);
    mp_end_line();
    mpu_set_ctrl(0);
    return 0;
}
#else
int main(void)
{
    mp_kv("b59 reg type", REG32(0xE000ED90));
    mp_kv("ctrl", REG32(0xE000ED94));
    mp_end_line();
    return 0;
}
#endif
