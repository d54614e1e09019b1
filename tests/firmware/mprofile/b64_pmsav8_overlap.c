/*
 * §9 behaviour 64 (mprofile.md §5.4; Armv8-M ARM B3.5 PMSAv8): an address in two enabled MPU regions faults with
 * MemManage (DACCVIOL, MMFAR) even when both regions permit the access; each region alone still works and a
 * privileged access outside both uses the background map (PRIVDEFENA). Secure MPU, Secure privileged Thread code.
 */
#include "tz.h"
#include "mp_mpu.h"

#define BASE 0x38100000u

static void region8(uint32_t n, uint32_t base, uint32_t limit)
{
    MPU_RNR = n;
    MPU_RBAR = base | (1u << 1) | 1u; /* AP=1 (RW any), XN */
    MPU_RLAR = (limit & ~0x1Fu) | 1u;
    mp_isb();
}

static void probe(const char *name, uint32_t addr)
{
    mpu_cfsr = 0;
    mpu_mmfar = 0;
    mp_kv(name, mpu_try_read(addr));
    mp_kv("cfsr", mpu_cfsr & 0xFF);
    mp_kv("mmfar", (mpu_cfsr & 0x80) ? mpu_mmfar : 0);
    mp_end_line();
}

int main(void)
{
    mp_set_handler(EXC_MEMMANAGE, mpu_fault_handler);
    SCB_SHCSR |= SHCSR_MEMFAULTENA;
    MPU_MAIR0 = 0x44;
    region8(0, BASE, BASE + 0xFFF);
    region8(1, BASE + 0x800, BASE + 0x17FF);
    MPU_CTRL = MPU_CTRL_ENABLE | MPU_CTRL_PRIVDEFENA;
    mp_isb();
    probe("b64 region0_only", BASE + 0x100);
    probe("b64 both", BASE + 0x900);
    probe("b64 both_last", BASE + 0xFFC);
    probe("b64 region1_only", BASE + 0x1100);
    probe("b64 background", BASE + 0x2000);
    MPU_CTRL = 0;
    mp_isb();
    probe("b64 mpu_off", BASE + 0x900);
    mp_kv("b64 faults", mpu_faults);
    mp_end_line();
    return 0;
}
