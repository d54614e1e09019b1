/*
 * BusFault probes for the peripheral/memory-protection firmware (b73-b75): 16-bit loads and stores through r1 whose
 * BusFault the handler counts (bus_probe_faults, with CFSR and BFAR), clears, and skips, returning 0xFA in r0.
 * Install bus_probe_handler for BusFault (and enable it in SHCSR) before probing.
 */
#ifndef NEMU_FW_MP_BUS_PROBE_H
#define NEMU_FW_MP_BUS_PROBE_H

#include "mp.h"

static volatile uint32_t bus_probe_faults, bus_probe_cfsr, bus_probe_bfar;

void bus_probe_fault(uint32_t *frame)
{
    bus_probe_faults++;
    bus_probe_cfsr = SCB_CFSR;
    bus_probe_bfar = SCB_BFAR;
    SCB_CFSR = bus_probe_cfsr;
    frame[0] = 0xFA;
    frame[6] += 2;
}

__attribute__((naked)) static void bus_probe_handler(void)
{
    __asm volatile(
        ".syntax unified\n"
        "push {r4, lr}\n"
        "mrs r0, msp\n"
        "adds r0, r0, #8\n"
        "bl bus_probe_fault\n"
        "pop {r4, pc}\n");
}

static inline uint32_t bus_probe_load(uint32_t address)
{
    register uint32_t r0 __asm("r0");
    register uint32_t r1 __asm("r1") = address;
    __asm volatile("ldr r0, [r1]" : "=r"(r0) : "r"(r1) : "memory");
    return r0;
}

static inline void bus_probe_store(uint32_t address, uint32_t value)
{
    register uint32_t r0 __asm("r0") = value;
    register uint32_t r1 __asm("r1") = address;
    __asm volatile("str r0, [r1]" : : "r"(r0), "r"(r1) : "memory");
}

/* LDRT: the same load made unprivileged. */
static inline uint32_t bus_probe_load_unpriv(uint32_t address)
{
    register uint32_t r0 __asm("r0");
    register uint32_t r1 __asm("r1") = address;
    __asm volatile("ldrt r0, [r1]\n nop" : "=r"(r0) : "r"(r1) : "memory");
    return r0;
}

#endif
