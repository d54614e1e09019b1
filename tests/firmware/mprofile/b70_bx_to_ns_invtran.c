/*
 * §9 behaviour 70 (mprofile.md §5.6; QEMU get_phys_addr_pmsav8 fetch check, "...really SecureFault with
 * SFSR.INVTRAN"): Secure code branching with BX (not BXNS) to Non-secure memory faults on the fetch: SecureFault
 * INVTRAN (no SFAR), taken to Secure with the stacked return address the Non-secure target; the handler returns to
 * the caller (the stacked LR).
 */
#include "tz.h"

volatile uint32_t sf_count, sf_sfsr, sf_pc;

void b70_securefault_c(uint32_t *frame)
{
    sf_count++;
    sf_sfsr = SCB_SFSR;
    SCB_SFSR = sf_sfsr;
    sf_pc = frame[6];
    frame[6] = frame[5] & ~1u;
}

__attribute__((naked)) static void b70_securefault(void)
{
    __asm volatile(
        "tst lr, #4\n"
        "ite eq\n"
        "mrseq r0, msp\n"
        "mrsne r0, psp\n"
        "push {r4, lr}\n"
        "bl b70_securefault_c\n"
        "pop {r4, pc}\n");
}

TZ_NS_FN uint32_t ns_function(uint32_t x) { return x + 1; }

int main(void)
{
    tz_init();
    mp_set_handler(EXC_SECUREFAULT, b70_securefault);
    SCB_SHCSR |= SHCSR_SECUREFAULTENA;
    mp_isb();
    uint32_t target = (uint32_t)ns_function;
    __asm volatile("mov r0, #5\n blx %0\n" : : "r"(target | 1u) : "r0", "r1", "r2", "r3", "r12", "lr", "memory");
    mp_kv("b70 count", sf_count);
    mp_kv("sfsr", sf_sfsr);
    mp_kv("stacked_pc_is_target", sf_pc == (target & ~1u));
    mp_kv("sfsr_after", SCB_SFSR);
    mp_end_line();
    return 0;
}
