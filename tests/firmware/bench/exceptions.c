/*
 * Exception entry+return throughput firmware for `dotnet run -c Release --project bench/Nemu.Bench -- exceptions`
 * (bench/Nemu.Bench/ExceptionBenchmark.cs). Built with the conformance kit (../mprofile/mp.h) for mps2-an385 and, as a Secure image in the SSRAM behind the TrustZone MPC, for mps2-an505.
 * STORM selects the loop, run STORM_N times:
 *   1 pendsv: ICSR.PENDSVSET write + ISB, the empty PendSV handler is taken at the ISB (Armv7-M ARM B3.2.4)
 *   2 pendsv_loop: the same loop writing 0 to ICSR (no effect), the baseline the bench subtracts
 *   3 svc: SVC #0 with an empty handler
 *   4 svc_loop: the same loop with a NOP instead of the SVC
 * With COUNT_CHECK the handlers count, and the image prints the counts (the bench checks both emulators take
 * every exception before it times the empty-handler images).
 */
#include "mp.h"

#ifndef STORM
#define STORM 1
#endif
#ifndef STORM_N
#define STORM_N 1000
#endif

volatile uint32_t pendsv_count, svc_count;

#ifdef COUNT_CHECK
static void pendsv_handler(void) { pendsv_count++; }
static void svc_handler(void) { svc_count++; }
#else
__attribute__((naked)) static void pendsv_handler(void) { __asm volatile("bx lr"); }
__attribute__((naked)) static void svc_handler(void) { __asm volatile("bx lr"); }
#endif

__attribute__((noinline)) static void storm(uint32_t n)
{
    volatile uint32_t *icsr = &SCB_ICSR;
#if STORM == 1 || STORM == 2
    const uint32_t value = STORM == 1 ? (1u << 28) : 0u;
    __asm volatile(
        "1: str %[v], [%[icsr]]\n"
        "   isb\n"
        "   subs %[n], %[n], #1\n"
        "   bne 1b\n"
        : [n] "+r"(n) : [v] "r"(value), [icsr] "r"(icsr) : "memory", "cc");
#else
    (void)icsr;
    __asm volatile(
        "1:\n"
#if STORM == 3
        "   svc #0\n"
#else
        "   nop\n"
#endif
        "   subs %[n], %[n], #1\n"
        "   bne 1b\n"
        : [n] "+r"(n) : : "memory", "cc");
#endif
}

int main(void)
{
    mp_set_handler(EXC_PENDSV, pendsv_handler);
    mp_set_handler(EXC_SVC, svc_handler);
    storm(STORM_N);
#ifdef COUNT_CHECK
    console_puts("storm=");
    console_dec(STORM);
    console_puts(" n=");
    console_dec(STORM_N);
    console_puts(" pendsv=");
    console_dec(pendsv_count);
    console_puts(" svc=");
    console_dec(svc_count);
    console_putc('\n');
#endif
    return 0;
}
