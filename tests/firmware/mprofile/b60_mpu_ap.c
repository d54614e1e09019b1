/*
 * §9 behaviour 60 (mprofile.md §5.3, Armv7-M ARM B3.5.9 Table B3-15): the PMSAv7 access permission table.
 * For AP = 0..7 a 4 KB region is probed with privileged and unprivileged reads and writes ("b60 ap=N ...": 1 =
 * faulted). An unprivileged write to an AP=6 region gives MemManage with CFSR.DACCVIOL|MMARVALID and MMFAR =
 * the address; AP=2 allows unprivileged reads but not writes. LDRT/STRT from privileged code are checked with
 * unprivileged permissions.
 */
#include "mp.h"
#include "mp_mpu.h"

#define AREA 0x20100000u

__attribute__((naked, noinline)) static void mpu_strt(uint32_t addr, uint32_t value)
{
    __asm volatile(".syntax unified\n strt r1, [r0]\n nop\n bx lr\n");
}

int main(void)
{
    mpu_setup();
    mpu_base_regions();
    for (uint32_t ap = 0; ap < 8; ap++) {
        uint32_t pr, pw, ur, uw;
        mpu_region(5, AREA, RASR(ap, 0, 0, 11));
        mpu_set_ctrl(MPU_CTRL_ENABLE | MPU_CTRL_PRIVDEFENA);
        pr = mpu_try_read(AREA + 0x10);
        pw = mpu_try_write(AREA + 0x14);
        mpu_drop_priv();
        ur = mpu_try_read(AREA + 0x18);
        uw = mpu_try_write(AREA + 0x1C);
        mpu_regain_priv();
        mpu_set_ctrl(0);
        mp_kv("b60 ap", ap);
        mp_kv("priv_read_fault", pr);
        mp_kv("priv_write_fault", pw);
        mp_kv("user_read_fault", ur);
        mp_kv("user_write_fault", uw);
        mp_end_line();
    }

    /* The status of one unprivileged write to an AP=6 (read-only) region. */
    mpu_region(5, AREA, RASR(6, 0, 0, 11));
    mpu_set_ctrl(MPU_CTRL_ENABLE | MPU_CTRL_PRIVDEFENA);
    mpu_drop_priv();
    uint32_t f = mpu_try_write(AREA + 0x124);
    mpu_regain_priv();
    mpu_set_ctrl(0);
    mp_kv("b60 ap6_user_write fault", f);
    mp_kv("exc", mpu_exc);
    mp_kv("cfsr", mpu_cfsr);
    mp_kv("mmfar", mpu_mmfar);
    mp_end_line();

    /* LDRT/STRT in privileged code use unprivileged permissions: AP=1 (privileged RW only) faults. */
    mpu_region(5, AREA, RASR(1, 0, 0, 11));
    mpu_set_ctrl(MPU_CTRL_ENABLE | MPU_CTRL_PRIVDEFENA);
    /* A privileged load of the same page first: a cached privileged translation must not serve LDRT. */
    uint32_t ldr = mpu_try_read(AREA + 0x48);
    uint32_t n = mpu_faults;
    mpu_ldrt(AREA + 0x40);
    uint32_t ldrt = mpu_faults != n;
    uint32_t ldrt_mmfar = mpu_mmfar;
    n = mpu_faults;
    mpu_strt(AREA + 0x44, 1);
    uint32_t strt = mpu_faults != n;
    mpu_set_ctrl(0);
    mp_kv("b60 unpriv_insn ldrt_fault", ldrt);
    mp_kv("ldrt_mmfar", ldrt_mmfar);
    mp_kv("strt_fault", strt);
    mp_kv("ldr_fault", ldr);
    mp_end_line();
    return 0;
}
