/*
 * §9 behaviour 55 (mprofile.md §4.4): unprivileged accesses to the SCS are BusFaults with PRECISERR and BFAR = the
 * address, except STIR writes when CCR.USERSETMPEND is set. Also checks the CFSR sub-word accesses of §4.4 on the
 * recorded BusFault status (BFSR byte at 0xD29, UFSR halfword at 0xD2A, byte W1C).
 */
#include "mp.h"

volatile uint32_t bf_count, bf_cfsr, bf_bfar;

__attribute__((naked)) static void busfault(void)
{
    __asm volatile(
        "ldr r2, =0xE000ED28\n"
        "ldr r3, [r2]\n"
        "ldr r1, =bf_cfsr\n"
        "str r3, [r1]\n"
        "ldr r3, [r2, #16]\n"
        "ldr r1, =bf_bfar\n"
        "str r3, [r1]\n"
        "ldr r1, =bf_count\n"
        "ldr r3, [r1]\n"
        "adds r3, r3, #1\n"
        "str r3, [r1]\n"
        "mrs r0, msp\n"
        "ldr r1, [r0, #24]\n"
        "adds r1, r1, #2\n"
        "str r1, [r0, #24]\n"
        "bx lr\n");
}

static void svc(void) { mp_set_control(0); }

static uint32_t user_load(uint32_t addr)
{
    register uint32_t a __asm("r1") = addr;
    register uint32_t v __asm("r0") = 0xDEAD;
    __asm volatile("ldr r0, [r1]" : "+r"(v) : "r"(a) : "memory");
    return v;
}

static void user_store(uint32_t addr, uint32_t value)
{
    register uint32_t a __asm("r1") = addr;
    register uint32_t v __asm("r0") = value;
    __asm volatile("str r0, [r1]" : : "r"(v), "r"(a) : "memory");
}

int main(void)
{
    mp_set_handler(EXC_BUSFAULT, busfault);
    mp_set_handler(EXC_SVC, svc);
    SCB_SHCSR = 1u << 17;
    mp_set_control(1);
    uint32_t v = user_load(0xE000ED04);
    __asm volatile("svc #0");
    mp_kv("b55 icsr_read", v);
    mp_kv("bf", bf_count);
    mp_kv("cfsr", bf_cfsr);
    mp_kv("bfar", bf_bfar);
    mp_end_line();
    mp_kv("b55 cfsr_b", REG8(0xE000ED29));
    mp_kv("ufsr_h", *(volatile uint16_t *)0xE000ED2A);
    REG8(0xE000ED28) = 0xFF;
    mp_kv("after_mmfsr_w1c", SCB_CFSR);
    REG8(0xE000ED29) = 0x80;
    mp_kv("after_bfarvalid_w1c", SCB_CFSR);
    *(volatile uint16_t *)0xE000ED28 = 0xFFFF;
    mp_kv("after_h_w1c", SCB_CFSR);
    mp_end_line();
    mp_set_control(1);
    user_store(0xE000EF00, 5);
    __asm volatile("svc #0");
    mp_kv("b55 stir_nouser bf", bf_count);
    mp_kv("bfar", bf_bfar);
    mp_kv("ispr", NVIC_ISPR(0));
    SCB_CCR |= 2;
    mp_set_control(1);
    user_store(0xE000EF00, 5);
    v = user_load(0xE000E200);
    __asm volatile("svc #0");
    mp_kv("stir_user bf", bf_count);
    mp_kv("bfar", bf_bfar);
    mp_kv("ispr", NVIC_ISPR(0));
    NVIC_ICPR(0) = 0xFFFFFFFF;
    SCB_CCR &= ~2u;
    SCB_CFSR = 0xFFFFFFFF;
    mp_end_line();
    return 0;
}
