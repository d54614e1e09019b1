/*
 * §9 behaviour 6 (mprofile.md §2.3 PushStack, §2.7; Armv7-M ARM B1.5.6; seed 000): Thread mode runs on a PSP
 * inside a read-only MPU region (AP=6). Taking an exception then fails to write the frame: CFSR.MSTKERR is set
 * (MMARVALID stays clear, MMFAR is not written), MemManage is pended as a derived exception and, having the
 * higher priority, taken first while the original exception stays pending; PSP still drops by 0x20.
 * Default: the original is IRQ 0 (ISPR shows it). -DSEED_SVC: the original is SVCall (SHCSR.SVCALLPENDED).
 */
#include "mp.h"
#include "mp_mpu.h"

#define STACK_REGION 0x20100000u
#define PSP_TOP (STACK_REGION + 0x400)

static void mm_handler(void)
{
    uint32_t cfsr = SCB_CFSR, shcsr = SCB_SHCSR, psp = mp_psp(), ispr = NVIC_ISPR(0), mmfar = SCB_MMFAR;
    mpu_set_ctrl(0);
    mp_kv("b06 exc", mp_ipsr());
    mp_kv("cfsr", cfsr);
    mp_kv("shcsr", shcsr);
    mp_kv("ispr0", ispr);
    mp_kv("psp_drop", PSP_TOP - psp);
    mp_kv("mmfar", mmfar);
    mp_end_line();
    mp_exit(0);
}

int main(void)
{
    mpu_setup();
    mp_set_handler(EXC_MEMMANAGE, mm_handler);
    SCB_MMFAR = 0x12345678;
    SCB_SHPR1 = 0;                 /* MemManage priority 0 */
    SCB_SHPR2 = 0x80u << 24;       /* SVCall 0x80 */
    NVIC_IPR(0) = 0x80;
    mpu_base_regions();
    mpu_region(5, STACK_REGION, RASR(6, 0, 0, 9));
    mpu_set_ctrl(MPU_CTRL_ENABLE | MPU_CTRL_PRIVDEFENA);
#ifdef SEED_SVC
    mpu_raise_on_psp(PSP_TOP, 1, 0);
#else
    mp_set_primask(1);
    NVIC_ISER(0) = 1;
    NVIC_ISPR(0) = 1;
    mpu_raise_on_psp(PSP_TOP, 0, 0);
#endif
}
