/*
 * §9 behaviour 15 (mprofile.md §2.6, Armv7-M ARM B1.5.6 / B3.5.1): vector-table reads always use the default
 * memory map, so an exception is taken even when the vector table lies in an MPU region with no access (and
 * PRIVDEFENA is clear).
 */
#include "mp.h"
#include "mp_mpu.h"

volatile uint32_t svc_ran;

static void svc_handler(void)
{
    svc_ran++;
}

int main(void)
{
    mpu_setup();
    mp_set_handler(EXC_SVC, svc_handler);
    mpu_base_regions();
    /* mp_vectors is 256-byte aligned and 256 bytes long. */
    mpu_region(7, (uint32_t)mp_vectors, RASR(0, 1, 0, 7));
    mpu_set_ctrl(MPU_CTRL_ENABLE);
    uint32_t read_fault = mpu_try_read((uint32_t)mp_vectors + 4 * EXC_SVC);
    __asm volatile("svc #1" : : : "memory");
    mpu_set_ctrl(0);
    mp_kv("b15 svc_ran", svc_ran);
    mp_kv("table_read_faults", read_fault);
    mp_end_line();
    return 0;
}
