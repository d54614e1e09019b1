/*
 * §9 behaviour 3 (mprofile.md §2.1; Armv7-M ARM B1.5.6 ReturnAddress): the stacked return address is the next
 * instruction for SVC, the faulting instruction for UDF (UsageFault on v7-M, HardFault on v6-M) and the next
 * instruction to execute for an interrupt (pended while PRIMASK is set and taken when CPSIE unmasks it).
 */
#include "mp.h"

static volatile uint32_t stacked_pc;
extern const char b03_after_svc[], b03_udf[], b03_after_cpsie[];

void b03_capture(uint32_t *frame, uint32_t skip)
{
    stacked_pc = frame[6];
    frame[6] += skip;
}

__attribute__((naked)) static void capture_handler(void)
{
    __asm volatile(
        ".syntax unified\n"
        "push {r4, lr}\n"
        "mrs r0, msp\n"
        "adds r0, r0, #8\n"
        "movs r1, #0\n"
        "bl b03_capture\n"
        "pop {r4, pc}\n");
}

__attribute__((naked)) static void skip_handler(void)
{
    __asm volatile(
        ".syntax unified\n"
        "push {r4, lr}\n"
        "mrs r0, msp\n"
        "adds r0, r0, #8\n"
        "movs r1, #2\n"
        "bl b03_capture\n"
        "pop {r4, pc}\n");
}

int main(void)
{
    mp_set_handler(EXC_SVC, capture_handler);
    mp_set_handler(EXC_IRQ0 + 5, capture_handler);
#if __ARM_ARCH_7M__ || __ARM_ARCH_7EM__
    SCB_SHCSR |= 1u << 18;
    mp_set_handler(EXC_USAGEFAULT, skip_handler);
#else
    mp_set_handler(EXC_HARDFAULT, skip_handler);
#endif
    __asm volatile(".syntax unified\n svc #0\n .global b03_after_svc\n b03_after_svc:\n" : : : "memory");
    mp_kv("b03 svc_is_next", stacked_pc == (uint32_t)b03_after_svc);
    __asm volatile(".syntax unified\n .global b03_udf\n b03_udf:\n udf #0\n" : : : "memory");
    mp_kv("udf_is_faulting", stacked_pc == (uint32_t)b03_udf);
    NVIC_ISER(0) = 1u << 5;
    __asm volatile(".syntax unified\n cpsid i\n" : : : "memory");
    NVIC_ISPR(0) = 1u << 5;
    __asm volatile(".syntax unified\n cpsie i\n .global b03_after_cpsie\n b03_after_cpsie:\n nop\n" : : : "memory");
    mp_kv("irq_is_next", stacked_pc == (uint32_t)b03_after_cpsie);
    mp_end_line();
    return 0;
}
