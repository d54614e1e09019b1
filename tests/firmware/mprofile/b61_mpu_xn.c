/*
 * §9 behaviour 61 (mprofile.md §5.2-§5.3, Armv7-M ARM B3.5.9, B3.1 Table B3-1): fetching from a PMSAv7 region
 * with XN set gives MemManage with CFSR.IACCVIOL and no MMFAR; the system region (0xE0000000 and up) is never
 * executable, even inside an executable MPU region. The default memory map marks 0x40000000-0x5FFFFFFF and
 * 0xA0000000-0xDFFFFFFF execute-never too, with the MPU off as well as for background accesses.
 */
#include "mp.h"
#include "mp_mpu.h"

#define CODE 0x20100000u

static void report(const char *what, uint32_t addr)
{
    mpu_cfsr = 0;
    mpu_mmfar = 0;
    mp_kv(what, mpu_try_exec(addr));
    mp_kv("cfsr", mpu_cfsr);
}

int main(void)
{
    mpu_setup();
    REG32(CODE) = 0x47704770; /* bx lr */
    mp_isb();
    report("b61 off ram", CODE);
    report("system", 0xE0001000);
    report("peripheral", 0x40030000);
    report("device", 0xA0000000);
    mp_end_line();

    mpu_base_regions();
    mpu_region(5, CODE, RASR(3, 1, 0, 11));
    mpu_set_ctrl(MPU_CTRL_ENABLE | MPU_CTRL_PRIVDEFENA);
    report("b61 on xn_region", CODE);
    mp_kv("mmfar", mpu_mmfar);
    mpu_region(5, CODE, RASR(3, 0, 0, 11));
    report("x_region", CODE);
    mpu_region(6, 0xE0000000, RASR(3, 0, 0, 28));
    report("system_in_x_region", 0xE0001000);
    mpu_region(6, 0, 0);
    report("background_peripheral", 0x40030000);
    mpu_set_ctrl(0);
    mp_end_line();
    return 0;
}
