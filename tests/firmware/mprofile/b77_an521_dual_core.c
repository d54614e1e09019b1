/*
 * §9 behaviour 77 (mprofile.md §6.4; SSE-200 TRM, iotkit-sysctl CPUWAIT 0x118 and INITSVTOR1 0x114, CPU_IDENTITY
 * 0x4001F000): on mps2-an521 CPU1 starts held by CPUWAIT bit 1 and boots from INITSVTOR1. CPU0 points INITSVTOR1
 * at core1_vectors, checks CPU1 has not run, clears CPUWAIT bit 1, and then the two cores exchange a sequence
 * through shared Secure SRAM with a counter handshake (CPU1 publishes value n and seq = n + 1, CPU0 consumes it
 * and sets ack = n + 1). Only CPU0 prints; nothing depends on how the cores interleave. Built as the m33core0
 * variant (CPU0 has no FPU; CPU1's code is the same soft-float code).
 */
#include "mp.h"

#define SYSCTL(off) REG32(0x50021000u + (off))
#define SYSCTL_INITSVTOR1 SYSCTL(0x114)
#define SYSCTL_CPUWAIT SYSCTL(0x118)
#define CPU_IDENTITY REG32(0x4001F000u)
#define ROUNDS 1000u

static volatile uint32_t core1_started, core1_id, core1_vtor, seq, ack, value;
static uint32_t core1_stack[256] __attribute__((aligned(8)));

static inline void dmb(void) { __asm volatile("dmb" : : : "memory"); }

static uint32_t produce(uint32_t n, uint32_t id) { return (n * 2654435761u) ^ (id << 24) ^ n; }

__attribute__((noreturn)) void core1_main(void)
{
    core1_id = CPU_IDENTITY;
    core1_vtor = SCB_VTOR;
    core1_started = 1;
    for (uint32_t n = 0; n < ROUNDS; n++) {
        value = produce(n, core1_id);
        dmb();
        seq = n + 1;
        while (ack != n + 1) {
        }
        dmb();
    }

    for (;;) {
        __asm volatile("wfi");
    }
}

/* CPU1's vector table: its own stack and core1_main; every exception is unexpected (CPU0 would never hear of it). */
__attribute__((aligned(128))) const uint32_t core1_vectors[16] = {
    (uint32_t)&core1_stack[256], (uint32_t)core1_main,
};

int main(void)
{
    mp_kv("b77 id0", CPU_IDENTITY);
    mp_kv("cpuwait", SYSCTL_CPUWAIT);
    mp_kv("initsvtor1", SYSCTL_INITSVTOR1);
    mp_end_line();
    SYSCTL_INITSVTOR1 = (uint32_t)core1_vectors;
    /* Give a wrongly running CPU1 plenty of time to show itself before the release. */
    for (volatile uint32_t i = 0; i < 20000; i++) {
    }
    mp_kv("b77 before_release", core1_started);
    mp_kv("initsvtor1", SYSCTL_INITSVTOR1 == (uint32_t)core1_vectors);
    mp_end_line();
    dmb();
    SYSCTL_CPUWAIT = 0;
    uint32_t checksum = 0, expected = 0;
    for (uint32_t n = 0; n < ROUNDS; n++) {
        while (seq != n + 1) {
        }
        dmb();
        checksum = (checksum << 1 | checksum >> 31) ^ value;
        expected = (expected << 1 | expected >> 31) ^ produce(n, 1);
        dmb();
        ack = n + 1;
    }

    mp_kv("b77 started", core1_started);
    mp_kv("id1", core1_id);
    mp_kv("vtor1", core1_vtor == (uint32_t)core1_vectors);
    mp_kv("cpuwait", SYSCTL_CPUWAIT);
    mp_kv("checksum_ok", checksum == expected);
    mp_kv("checksum", checksum);
    mp_end_line();
    return 0;
}
