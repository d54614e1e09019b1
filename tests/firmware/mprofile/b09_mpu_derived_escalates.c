/*
 * §9 behaviour 9 (mprofile.md §2.7, §4.3; Armv7-M ARM B1.5.6): with SHCSR.MEMFAULTENA clear, the derived
 * MemManage of a failed stack push escalates to HardFault: HFSR.FORCED and CFSR.MSTKERR are set.
 */
#include "mp.h"
#include "mp_mpu.h"

#define STACK_REGION 0x20100000u
#define PSP_TOP (STACK_REGION + 0x400)

static void hf_handler(void)
{
    uint32_t cfsr = SCB_CFSR, hfsr = SCB_HFSR, shcsr = SCB_SHCSR, ispr = NVIC_ISPR(0), psp = mp_psp();
    mpu_set_ctrl(0);
    mp_kv("b09 exc", mp_ipsr());
    mp_kv("hfsr", hfsr);
    mp_kv("cfsr", cfsr);
    mp_kv("shcsr", shcsr);
    mp_kv("ispr0", ispr);
    mp_kv("psp_drop", PSP_TOP - psp);
    mp_end_line();
    mp_exit(0);
}

int main(void)
{
    mpu_setup();
    mp_set_handler(EXC_HARDFAULT, hf_handler);
    SCB_SHCSR &= ~SHCSR_MEMFAULTENA;
    NVIC_IPR(0) = 0x80;
    mpu_base_regions();
    mpu_region(5, STACK_REGION, RASR(6, 0, 0, 9));
    mpu_set_ctrl(MPU_CTRL_ENABLE | MPU_CTRL_PRIVDEFENA);
    mp_set_primask(1);
    NVIC_ISER(0) = 1;
    NVIC_ISPR(0) = 1;
    mpu_raise_on_psp(PSP_TOP, 0, 0);
}
