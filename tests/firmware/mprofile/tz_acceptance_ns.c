/*
 * TrustZone acceptance firmware, Non-secure image (see tz_acceptance_s.c). Loaded at 0x00300000 with
 * -device loader and started by the Secure image through BLXNS. Calls the Secure entry functions through their NSC
 * veneers (import library of the Secure image), receives a callback, uses timer0 once the Secure side hands it
 * over through the PPC, reads Secure memory (SecureFault AUVIOL) and runs TT/TTT from Non-secure state.
 */
#include <stdint.h>

#define REG32(a) (*(volatile uint32_t *)(a))
#define TIMER0_NS 0x40000000u

void s_puts(const char *text);
uint32_t s_add(uint32_t a, uint32_t b);
void s_register(uint32_t (*fn)(uint32_t));
uint32_t s_invoke(uint32_t value);
void s_timer_to_ns(void);
void s_report_timer_s_alias(void);
void s_report(const char *name, uint32_t value);
void s_report_end(void);
void s_report_securefault(void);

static const char hello[] = "ns: hello through s_puts";
static const char done[] = "ns: done";
static volatile uint32_t callback_seen;

static uint32_t ns_callback(uint32_t value)
{
    callback_seen = value;
    return value * 2;
}

static const uint32_t tt_addresses[] = {
    0x10000400u, 0x10100000u, 0x00200000u, 0x00300000u, 0x28300000u,
    0x38000000u, 0x40200000u, 0x50200000u, 0xE000ED00u, 0xF0000000u,
};

static inline uint32_t tt(uint32_t a) { uint32_t r; __asm volatile("tt %0, %1" : "=r"(r) : "r"(a)); return r; }
static inline uint32_t ttt(uint32_t a) { uint32_t r; __asm volatile("ttt %0, %1" : "=r"(r) : "r"(a)); return r; }

/* A 16-bit LDR from Secure RAM: SecureFault AUVIOL; the Secure handler steps over it. */
__attribute__((noinline)) static uint32_t read_secure(uint32_t address)
{
    uint32_t value = 0xDEAD0000u;
    __asm volatile("ldr %0, [%1]" : "+l"(value) : "l"(address) : "memory");
    return value;
}

int main(void)
{
    s_puts(hello);
    s_report("ns: s_add", s_add(0x1000, 0x5));
    s_report_end();
    s_register(ns_callback);
    uint32_t r = s_invoke(0x2B);
    s_report("ns: callback got", callback_seen);
    s_report("s_invoke", r);
    s_report_end();

    /* Timer0 is Secure at reset: an NS access is RAZ/WI (SECRESPCFG 0). */
    REG32(TIMER0_NS + 0x08) = 0x55;
    s_report("ns: timer0 reload before ppc", REG32(TIMER0_NS + 0x08));
    s_timer_to_ns();
    REG32(TIMER0_NS + 0x08) = 0x77;
    s_report("after", REG32(TIMER0_NS + 0x08));
    s_report_end();
    s_report_timer_s_alias();

    s_report("ns: secure read value", read_secure(0x38000000u));
    s_report_end();
    s_report_securefault();

    for (unsigned i = 0; i < sizeof tt_addresses / sizeof tt_addresses[0]; i++) {
        s_report("ns: tt addr", tt_addresses[i]);
        s_report("tt", tt(tt_addresses[i]));
        s_report("ttt", ttt(tt_addresses[i]));
        s_report_end();
    }

    s_puts(done);
    return 0;
}
