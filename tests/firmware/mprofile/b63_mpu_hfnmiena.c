/*
 * §9 behaviour 63 (mprofile.md §5.1, §4.2 negpri; Armv7-M ARM B3.5.3): with MPU_CTRL.HFNMIENA = 0 the MPU is
 * off for HardFault and NMI handlers and while FAULTMASK is set (the default map applies), so they can touch a
 * no-access region; with HFNMIENA = 1 the same access from Thread mode with FAULTMASK clear faults as usual.
 * HardFault is reached by escalation (MemManage disabled).
 */
#include "mp.h"
#include "mp_mpu.h"

#define AREA 0x20100000u

volatile uint32_t hf_probe = 0xFFFFFFFF, nmi_probe = 0xFFFFFFFF, hf_hfsr, hf_cfsr;

__attribute__((naked, noinline)) static void ldr_fault_skip(uint32_t addr)
{
    __asm volatile(".syntax unified\n ldr r0, [r0]\n bx lr\n");
}

void hf_c(uint32_t *frame)
{
    hf_hfsr = SCB_HFSR;
    hf_cfsr = SCB_CFSR;
    SCB_HFSR = hf_hfsr;
    SCB_CFSR = hf_cfsr;
    hf_probe = REG32(AREA + 0x10); /* MPU bypassed: no fault */
    frame[6] += 2;
}

__attribute__((naked)) static void hf_handler(void)
{
    __asm volatile(
        "tst lr, #4\n"
        "ite eq\n"
        "mrseq r0, msp\n"
        "mrsne r0, psp\n"
        "push {r4, lr}\n"
        "bl hf_c\n"
        "pop {r4, pc}\n");
}

static void nmi_handler(void)
{
    nmi_probe = REG32(AREA + 0x20);
}

int main(void)
{
    mpu_setup();
    mp_set_handler(EXC_HARDFAULT, hf_handler);
    mp_set_handler(EXC_NMI, nmi_handler);
    REG32(AREA + 0x10) = 0x11111111;
    REG32(AREA + 0x20) = 0x22222222;
    REG32(AREA + 0x30) = 0x33333333;
    mpu_base_regions();
    mpu_region(5, AREA, RASR(0, 0, 0, 11));

    /* MemManage disabled: the fault escalates to HardFault, whose handler reads the region. */
    SCB_SHCSR &= ~SHCSR_MEMFAULTENA;
    mpu_set_ctrl(MPU_CTRL_ENABLE | MPU_CTRL_PRIVDEFENA);
    ldr_fault_skip(AREA);
    SCB_ICSR = 1u << 31; /* NMIPENDSET */
    mp_isb();
    mp_set_faultmask(1);
    uint32_t fm_value = REG32(AREA + 0x30);
    mp_set_faultmask(0);
    SCB_SHCSR |= SHCSR_MEMFAULTENA;
    uint32_t thread_fault = mpu_try_read(AREA + 0x30);
    mpu_set_ctrl(MPU_CTRL_ENABLE | MPU_CTRL_PRIVDEFENA | MPU_CTRL_HFNMIENA);
    uint32_t thread_fault_hfnmiena = mpu_try_read(AREA + 0x30);
    mpu_set_ctrl(0);
    mp_kv("b63 hf_probe", hf_probe);
    mp_kv("hfsr", hf_hfsr);
    mp_kv("cfsr", hf_cfsr);
    mp_end_line();
    mp_kv("b63 nmi_probe", nmi_probe);
    mp_kv("faultmask_value", fm_value);
    mp_kv("thread_fault", thread_fault);
    mp_kv("thread_fault_hfnmiena", thread_fault_hfnmiena);
    mp_end_line();
    return 0;
}
