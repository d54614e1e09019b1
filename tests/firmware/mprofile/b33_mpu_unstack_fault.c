/*
 * §9 behaviour 33, MPU part (mprofile.md §3 step 14; Armv7-M ARM B1.5.8 PopStack): an exception return to
 * unprivileged Thread mode whose PSP frame lies in a region the unprivileged context may not read (the SVC
 * handler changed it to AP=1) fails to unstack: CFSR.MUNSTKERR, MemManage taken on the existing frame.
 */
#include "mp.h"
#include "mp_mpu.h"

#define STACK_REGION 0x20100000u
#define PSP_TOP (STACK_REGION + 0x400)

static void svc_handler(void)
{
    mpu_region(5, STACK_REGION, RASR(1, 0, 0, 9));
}

static void mm_handler(void)
{
    uint32_t cfsr = SCB_CFSR, shcsr = SCB_SHCSR, mmfar = SCB_MMFAR;
    mpu_set_ctrl(0);
    mp_kv("b33 exc", mp_ipsr());
    mp_kv("cfsr", cfsr);
    mp_kv("shcsr", shcsr);
    mp_kv("mmfar", mmfar);
    mp_end_line();
    mp_exit(0);
}

int main(void)
{
    mpu_setup();
    mp_set_handler(EXC_MEMMANAGE, mm_handler);
    mp_set_handler(EXC_SVC, svc_handler);
    SCB_MMFAR = 0x12345678;
    mpu_base_regions();
    mpu_region(5, STACK_REGION, RASR(3, 0, 0, 9));
    mpu_set_ctrl(MPU_CTRL_ENABLE | MPU_CTRL_PRIVDEFENA);
    mpu_raise_on_psp(PSP_TOP, 1, 1);
}
