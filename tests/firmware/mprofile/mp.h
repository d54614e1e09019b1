/*
 * Conformance firmware kit for the M-profile exception model (issue 4; mprofile.md §2-§5, §9).
 * Each test is one C file tests/firmware/mprofile/bNN_<name>.c (NN = the §9 behaviour number) built with
 * mp_start.S and mp.c for a variant (m0/m3/m4/m7, see ../README.md). At reset the kit copies a 64-entry vector
 * table to RAM (mp_vectors), points VTOR at it, enables CP10/CP11 on FP builds and calls main; main's return
 * value is the semihosting exit status.
 * Inline assembly for m0 must start with ".syntax unified" (gcc emits divided syntax for Thumb-1). Every vector starts as mp_unexpected, which prints the exception
 * number and the fault status registers and exits with 0x7F. Output goes to UART0 (m3/m4/m7) or semihosting
 * (m0) through ../common/console.c, one "key=value" report per line, so QEMU and Nemu runs compare as text.
 * The m33 variants (v8-M Mainline, -mcmse) build the same kit as a Secure image (tz/an505_s.ld, UART0 through its
 * Secure alias 0x50200000; VTOR here is VTOR_S); tz/tz.h adds the Non-secure window and the TrustZone helpers.
 */
#ifndef NEMU_FW_MP_H
#define NEMU_FW_MP_H

#include <stdint.h>
#include "console.h"

#define MP_VECTORS 64

#define REG32(a) (*(volatile uint32_t *)(a))
#define REG8(a) (*(volatile uint8_t *)(a))
#define SCB_ICSR REG32(0xE000ED04)
#define SCB_VTOR REG32(0xE000ED08)
#define SCB_AIRCR REG32(0xE000ED0C)
#define SCB_SCR REG32(0xE000ED10)
#define SCB_CCR REG32(0xE000ED14)
#define SCB_SHPR1 REG32(0xE000ED18)
#define SCB_SHPR2 REG32(0xE000ED1C)
#define SCB_SHPR3 REG32(0xE000ED20)
#define SCB_SHCSR REG32(0xE000ED24)
#define SCB_CFSR REG32(0xE000ED28)
#define SCB_HFSR REG32(0xE000ED2C)
#define SCB_MMFAR REG32(0xE000ED34)
#define SCB_BFAR REG32(0xE000ED38)
#define SCB_CPACR REG32(0xE000ED88)
#define MPU_TYPE REG32(0xE000ED90)
#define MPU_CTRL REG32(0xE000ED94)
#define MPU_RNR REG32(0xE000ED98)
#define MPU_RBAR REG32(0xE000ED9C)
#define MPU_RASR REG32(0xE000EDA0)
#define NVIC_ISER(n) REG32(0xE000E100 + 4 * (n))
#define NVIC_ICER(n) REG32(0xE000E180 + 4 * (n))
#define NVIC_ISPR(n) REG32(0xE000E200 + 4 * (n))
#define NVIC_ICPR(n) REG32(0xE000E280 + 4 * (n))
#define NVIC_IABR(n) REG32(0xE000E300 + 4 * (n))
#define NVIC_IPR(n) REG8(0xE000E400 + (n))
#define NVIC_STIR REG32(0xE000EF00)
#define FPCCR REG32(0xE000EF34)
#define FPCAR REG32(0xE000EF38)
#define FPDSCR REG32(0xE000EF3C)
#define SYST_CSR REG32(0xE000E010)
#define SYST_RVR REG32(0xE000E014)
#define SYST_CVR REG32(0xE000E018)
#define SYST_CALIB REG32(0xE000E01C)

/* Exception numbers. */
enum { EXC_NMI = 2, EXC_HARDFAULT = 3, EXC_MEMMANAGE = 4, EXC_BUSFAULT = 5, EXC_USAGEFAULT = 6, EXC_SVC = 11,
       EXC_DEBUGMON = 12, EXC_PENDSV = 14, EXC_SYSTICK = 15, EXC_IRQ0 = 16 };

/* The RAM vector table VTOR points at. */
extern volatile uint32_t mp_vectors[MP_VECTORS];

/* Installs a handler (a C function or a Thumb assembly routine) for exception number exc. */
void mp_set_handler(int exc, void (*handler)(void));
/* The default handler: prints "unexpected exception N" with CFSR/HFSR/SHCSR and exits 0x7F. */
void mp_unexpected(void);

/* "name=xxxxxxxx" (8 hex digits) followed by a space; mp_end_line ends the line. */
void mp_kv(const char *name, uint32_t value);
void mp_end_line(void);
/* One whole line. */
void mp_line(const char *text);
/* Flushes the console and exits through semihosting. */
void mp_exit(int code) __attribute__((noreturn));

static inline uint32_t mp_ipsr(void) { uint32_t v; __asm volatile("mrs %0, ipsr" : "=r"(v)); return v; }
static inline uint32_t mp_control(void) { uint32_t v; __asm volatile("mrs %0, control" : "=r"(v)); return v; }
static inline void mp_set_control(uint32_t v) { __asm volatile("msr control, %0\n isb" : : "r"(v) : "memory"); }
static inline uint32_t mp_msp(void) { uint32_t v; __asm volatile("mrs %0, msp" : "=r"(v)); return v; }
static inline void mp_set_msp(uint32_t v) { __asm volatile("msr msp, %0" : : "r"(v) : "memory"); }
static inline uint32_t mp_psp(void) { uint32_t v; __asm volatile("mrs %0, psp" : "=r"(v)); return v; }
static inline void mp_set_psp(uint32_t v) { __asm volatile("msr psp, %0" : : "r"(v) : "memory"); }
static inline uint32_t mp_primask(void) { uint32_t v; __asm volatile("mrs %0, primask" : "=r"(v)); return v; }
static inline void mp_set_primask(uint32_t v) { __asm volatile("msr primask, %0" : : "r"(v) : "memory"); }
#if __ARM_ARCH_7M__ || __ARM_ARCH_7EM__ || __ARM_ARCH_8M_MAIN__
static inline uint32_t mp_basepri(void) { uint32_t v; __asm volatile("mrs %0, basepri" : "=r"(v)); return v; }
static inline void mp_set_basepri(uint32_t v) { __asm volatile("msr basepri, %0" : : "r"(v) : "memory"); }
static inline void mp_set_basepri_max(uint32_t v) { __asm volatile("msr basepri_max, %0" : : "r"(v) : "memory"); }
static inline uint32_t mp_faultmask(void) { uint32_t v; __asm volatile("mrs %0, faultmask" : "=r"(v)); return v; }
static inline void mp_set_faultmask(uint32_t v) { __asm volatile("msr faultmask, %0" : : "r"(v) : "memory"); }
#endif
static inline void mp_isb(void) { __asm volatile("dsb\n isb" : : : "memory"); }

#endif
