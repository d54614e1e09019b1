/*
 * §9 behaviour 10 (mprofile.md §2.7; Armv7-M ARM B1.5.6): a stacking fault while entering NMI (priority -2)
 * with MemManage enabled at priority 0: NMI is taken first and sees MSTKERR with MemManage pending; MemManage
 * follows when NMI returns.
 */
#include "mp.h"
#include "mp_mpu.h"

#define STACK_REGION 0x20100000u
#define PSP_TOP (STACK_REGION + 0x400)

volatile uint32_t nmi_cfsr, nmi_shcsr, nmi_runs;

static void nmi_handler(void)
{
    nmi_runs++;
    nmi_cfsr = SCB_CFSR;
    nmi_shcsr = SCB_SHCSR;
}

static void mm_handler(void)
{
    uint32_t cfsr = SCB_CFSR, shcsr = SCB_SHCSR;
    mpu_set_ctrl(0);
    mp_kv("b10 nmi_runs", nmi_runs);
    mp_kv("nmi_cfsr", nmi_cfsr);
    mp_kv("nmi_shcsr", nmi_shcsr);
    mp_end_line();
    mp_kv("b10 mm exc", mp_ipsr());
    mp_kv("cfsr", cfsr);
    mp_kv("shcsr", shcsr);
    mp_end_line();
    mp_exit(0);
}

int main(void)
{
    mpu_setup();
    mp_set_handler(EXC_MEMMANAGE, mm_handler);
    mp_set_handler(EXC_NMI, nmi_handler);
    SCB_SHPR1 = 0;
    mpu_base_regions();
    mpu_region(5, STACK_REGION, RASR(6, 0, 0, 9));
    mpu_set_ctrl(MPU_CTRL_ENABLE | MPU_CTRL_PRIVDEFENA);
    mpu_raise_on_psp(PSP_TOP, 2, 0);
}
