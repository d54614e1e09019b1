/*
 * §9 behaviour 8 (mprofile.md §2.7; Armv7-M ARM B1.5.6 DerivedLateArrival): a derived MemManage of lower
 * priority (0xC0) than the IRQ being entered (0x40): the IRQ handler runs first and already sees
 * MMFSR.MSTKERR and SHCSR.MEMFAULTPENDED; MemManage is tail-chained when the IRQ handler returns.
 */
#include "mp.h"
#include "mp_mpu.h"

#define STACK_REGION 0x20100000u
#define PSP_TOP (STACK_REGION + 0x400)

volatile uint32_t irq_cfsr, irq_shcsr, irq_runs;

static void irq_handler(void)
{
    irq_runs++;
    irq_cfsr = SCB_CFSR;
    irq_shcsr = SCB_SHCSR;
}

static void mm_handler(void)
{
    uint32_t cfsr = SCB_CFSR, shcsr = SCB_SHCSR, psp = mp_psp();
    mpu_set_ctrl(0);
    mp_kv("b08 irq_runs", irq_runs);
    mp_kv("irq_cfsr", irq_cfsr);
    mp_kv("irq_shcsr", irq_shcsr);
    mp_end_line();
    mp_kv("b08 mm exc", mp_ipsr());
    mp_kv("cfsr", cfsr);
    mp_kv("shcsr", shcsr);
    mp_kv("psp_drop", PSP_TOP - psp);
    mp_end_line();
    mp_exit(0);
}

int main(void)
{
    mpu_setup();
    mp_set_handler(EXC_MEMMANAGE, mm_handler);
    mp_set_handler(EXC_IRQ0, irq_handler);
    SCB_SHPR1 = 0xC0;              /* MemManage priority 0xC0 */
    NVIC_IPR(0) = 0x40;
    mpu_base_regions();
    mpu_region(5, STACK_REGION, RASR(6, 0, 0, 9));
    mpu_set_ctrl(MPU_CTRL_ENABLE | MPU_CTRL_PRIVDEFENA);
    mp_set_primask(1);
    NVIC_ISER(0) = 1;
    NVIC_ISPR(0) = 1;
    mpu_raise_on_psp(PSP_TOP, 0, 0);
}
