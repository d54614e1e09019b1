/*
 * §9 behaviour 62 (mprofile.md §5.1-§5.3, Armv7-M ARM B3.5.3): with the MPU on, an address no region covers
 * uses the default memory map for privileged accesses when MPU_CTRL.PRIVDEFENA is set; unprivileged accesses
 * fault either way, and privileged ones fault without PRIVDEFENA. The PPB (0xE0000000-0xE00FFFFF) always uses
 * the default map, even under a no-access region.
 */
#include "mp.h"
#include "mp_mpu.h"

#define OUTSIDE 0x20500000u /* the SSRAM2/3 mirror: RAM, but outside regions 0 and 1 */

int main(void)
{
    mpu_setup();
    mpu_base_regions();
    for (uint32_t privdefena = 0; privdefena <= 1; privdefena++) {
        mpu_set_ctrl(MPU_CTRL_ENABLE | (privdefena ? MPU_CTRL_PRIVDEFENA : 0));
        uint32_t pr = mpu_try_read(OUTSIDE);
        uint32_t pw = mpu_try_write(OUTSIDE + 4);
        uint32_t cfsr = mpu_cfsr;
        mpu_drop_priv();
        uint32_t ur = mpu_try_read(OUTSIDE + 8);
        mpu_regain_priv();
        mpu_set_ctrl(0);
        mp_kv("b62 privdefena", privdefena);
        mp_kv("priv_read_fault", pr);
        mp_kv("priv_write_fault", pw);
        mp_kv("user_read_fault", ur);
        mp_kv("cfsr", cfsr);
        mp_end_line();
        mpu_cfsr = 0;
    }

    /* A no-access region over the whole system space does not apply to the PPB. */
    mpu_region(7, 0xE0000000, RASR(0, 1, 0, 28));
    mpu_set_ctrl(MPU_CTRL_ENABLE);
    uint32_t n = mpu_faults;
    uint32_t ctrl = MPU_CTRL;
    uint32_t vtor = SCB_VTOR;
    uint32_t ppb_faults = mpu_faults - n;
    mpu_set_ctrl(0);
    mp_kv("b62 ppb faults", ppb_faults);
    mp_kv("ctrl", ctrl);
    mp_kv("vtor_ok", vtor == (uint32_t)mp_vectors);
    mp_end_line();
    return 0;
}
