/*
 * PMSAv7 helpers for the MPU conformance firmware (mprofile.md §5.3, Armv7-M ARM B3.5; v7-M builds only):
 * region set-up, and probes that access an address and report whether it faulted. The fault handler
 * (mpu_fault_handler, installed for MemManage and HardFault) records the exception, CFSR, HFSR and MMFAR,
 * clears them and resumes after the probe: a data probe skips its 16-bit load/store, an instruction-fetch probe
 * returns to the caller of the faulting branch. Unprivileged probes drop CONTROL.nPRIV and get it back through
 * SVC 0xFE (mpu_svc_handler).
 */
#ifndef NEMU_FW_MP_MPU_H
#define NEMU_FW_MP_MPU_H

#include "mp.h"

#define MPU_RBAR_A(n) REG32(0xE000ED9C + 8 * (n))
#define MPU_RASR_A(n) REG32(0xE000EDA0 + 8 * (n))
#define RASR(ap, xn, srd, size) (((uint32_t)(xn) << 28) | ((uint32_t)(ap) << 24) | ((uint32_t)(srd) << 8) | ((uint32_t)(size) << 1) | 1u)
#define MPU_CTRL_ENABLE 1u
#define MPU_CTRL_HFNMIENA 2u
#define MPU_CTRL_PRIVDEFENA 4u
#define SHCSR_MEMFAULTENA (1u << 16)

volatile uint32_t mpu_faults, mpu_exc, mpu_cfsr, mpu_hfsr, mpu_mmfar;

void mpu_fault_c(uint32_t *frame, uint32_t exc)
{
    uint32_t cfsr = SCB_CFSR;
    mpu_faults++;
    mpu_exc = exc;
    mpu_cfsr = cfsr;
    mpu_hfsr = SCB_HFSR;
    mpu_mmfar = SCB_MMFAR;
    SCB_CFSR = cfsr;
    SCB_HFSR = mpu_hfsr;
    if (cfsr & ((1u << 0) | (1u << 8))) {
        frame[6] = frame[5] & ~1u; /* IACCVIOL or IBUSERR: back to the caller of the branch */
    } else {
        frame[6] += 2; /* the 16-bit load/store of a probe */
    }
}

__attribute__((naked)) void mpu_fault_handler(void)
{
    __asm volatile(
        "tst lr, #4\n"
        "ite eq\n"
        "mrseq r0, msp\n"
        "mrsne r0, psp\n"
        "mrs r1, ipsr\n"
        "push {r4, lr}\n"
        "bl mpu_fault_c\n"
        "pop {r4, pc}\n");
}

/* SVC 0xFE: back to privileged Thread mode. */
__attribute__((naked)) void mpu_svc_handler(void)
{
    __asm volatile(
        "mrs r0, control\n"
        "bic r0, r0, #1\n"
        "msr control, r0\n"
        "bx lr\n");
}

__attribute__((naked, noinline)) uint32_t mpu_ldr(uint32_t addr)
{
    __asm volatile(".syntax unified\n ldr r0, [r0]\n bx lr\n");
}

__attribute__((naked, noinline)) void mpu_str(uint32_t addr, uint32_t value)
{
    __asm volatile(".syntax unified\n str r1, [r0]\n bx lr\n");
}

__attribute__((naked, noinline)) uint32_t mpu_ldrt(uint32_t addr)
{
    __asm volatile(".syntax unified\n ldrt r0, [r0]\n nop\n bx lr\n");
}

/* Whether a read / write / call of addr faulted (1) or not (0). */
static inline uint32_t mpu_try_read(uint32_t addr) { uint32_t n = mpu_faults; mpu_ldr(addr); return mpu_faults != n; }
static inline uint32_t mpu_try_write(uint32_t addr) { uint32_t n = mpu_faults; mpu_str(addr, 0x5A5A5A5A); return mpu_faults != n; }
static inline uint32_t mpu_try_exec(uint32_t addr)
{
    uint32_t n = mpu_faults;
    ((void (*)(void))(addr | 1))();
    return mpu_faults != n;
}

static inline void mpu_drop_priv(void) { mp_set_control(mp_control() | 1); }
static inline void mpu_regain_priv(void) { __asm volatile("svc #0xFE" : : : "memory"); }

static inline void mpu_region(uint32_t n, uint32_t base, uint32_t rasr)
{
    MPU_RNR = n;
    MPU_RBAR = base;
    MPU_RASR = rasr;
    mp_isb();
}

static inline void mpu_clear_regions(void)
{
    for (uint32_t i = 0; i < 8; i++) {
        mpu_region(i, 0, 0);
    }
}

static inline void mpu_set_ctrl(uint32_t v) { MPU_CTRL = v; mp_isb(); }

/* Handlers, MemManage enabled, every region cleared, MPU off. */
static inline void mpu_setup(void)
{
    mp_set_handler(EXC_MEMMANAGE, mpu_fault_handler);
    mp_set_handler(EXC_HARDFAULT, mpu_fault_handler);
    mp_set_handler(EXC_SVC, mpu_svc_handler);
    SCB_SHCSR |= SHCSR_MEMFAULTENA;
    mpu_set_ctrl(0);
    mpu_clear_regions();
}

/* Regions 0 and 1: code (0x00000000, 4 MB) and the image's data/stack RAM (0x20000000, 4 MB), full access. */
static inline void mpu_base_regions(void)
{
    mpu_region(0, 0x00000000, RASR(3, 0, 0, 21));
    mpu_region(1, 0x20000000, RASR(3, 0, 0, 21));
}

/*
 * Stacking tests: switches Thread mode to PSP = psp (and CONTROL.nPRIV = unpriv), then raises an exception
 * without touching the stack again: kind 0 = unmask interrupts (PRIMASK was set with an IRQ pending), 1 = SVC,
 * 2 = NMI through ICSR.NMIPENDSET. Never returns: the handlers report and exit.
 */
__attribute__((naked, noreturn)) void mpu_raise_on_psp(uint32_t psp, uint32_t kind, uint32_t unpriv)
{
    __asm volatile(
        ".syntax unified\n"
        "msr psp, r0\n"
        "movs r3, #2\n"
        "orrs r3, r3, r2\n"
        "msr control, r3\n"
        "isb\n"
        "cmp r1, #1\n"
        "beq 1f\n"
        "cmp r1, #2\n"
        "beq 2f\n"
        "cpsie i\n"
        "b .\n"
        "1: svc #2\n"
        "b .\n"
        "2: ldr r3, =0xE000ED04\n"
        "mov r2, #0x80000000\n"
        "str r2, [r3]\n"
        "b .\n"
        ".ltorg\n");
}

#endif
