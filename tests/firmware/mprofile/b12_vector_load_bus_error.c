/*
 * §9 behaviour 12 (mprofile.md §2.6; seed 000 "exception vector loads honour ... any bus error"): VTOR is placed so
 * that entries 0-31 lie in the last 128 bytes of RAM and the entry of IRQ 20 lies past its end. Pending IRQ 20 makes
 * the vector load fail: HFSR.VECTTBL|FORCED (v7-M), a derived HardFault is taken with the frame of the interrupted
 * Thread code (stacked PC inside the loop that waits for it), and IRQ 20 stays pending, so after the HardFault
 * handler puts VTOR back it runs as a tail-chain. Only the micro:bit (m0) has RAM followed by unassigned memory.
 * Thread runs on PSP and the handlers on a lowered MSP so the relocated table at the top of RAM is left alone.
 */
#include "mp.h"

#define TOP_TABLE 0x20003F80u
#define IRQ 20

static uint32_t psp_stack[128] __attribute__((aligned(8)));
static volatile uint32_t hf_count, irq_count, hf_pc, hf_lr, hf_pending;
extern const char b12_wait_start[], b12_wait_end[];

void b12_hardfault(uint32_t *frame, uint32_t lr)
{
    hf_count++;
    hf_pc = frame[6];
    hf_lr = lr;
    hf_pending = (SCB_ICSR >> 12) & 0x1FF;
    SCB_VTOR = (uint32_t)mp_vectors;
}

__attribute__((naked)) static void hardfault_handler(void)
{
    __asm volatile(
        ".syntax unified\n"
        "push {r4, lr}\n"
        "mrs r0, psp\n"
        "mov r1, lr\n"
        "bl b12_hardfault\n"
        "pop {r4, pc}\n");
}

static void irq_handler(void) { irq_count++; }

static void scenario(void)
{
    volatile uint32_t *top = (volatile uint32_t *)TOP_TABLE;
    for (int i = 0; i < 16; i++) {
        top[i] = mp_vectors[i];
    }
    top[EXC_HARDFAULT] = (uint32_t)hardfault_handler;
    NVIC_ISER(0) = 1u << IRQ;
    __asm volatile(".syntax unified\n cpsid i\n" : : : "memory");
    SCB_VTOR = TOP_TABLE;
    NVIC_ISPR(0) = 1u << IRQ;
    __asm volatile(
        ".syntax unified\n"
        "cpsie i\n"
        ".global b12_wait_start\n"
        "b12_wait_start:\n"
        "nop\n"
        "nop\n"
        ".global b12_wait_end\n"
        "b12_wait_end:\n"
        : : : "memory");
}

__attribute__((naked, noinline)) static void run_on_psp(void (*fn)(void), uint32_t psp, uint32_t msp)
{
    __asm volatile(
        ".syntax unified\n"
        "push {r4, r5, r6, lr}\n"
        "mrs r5, msp\n"
        "msr psp, r1\n"
        "movs r4, #2\n"
        "msr control, r4\n"
        "isb\n"
        "msr msp, r2\n"
        "blx r0\n"
        "msr msp, r5\n"
        "movs r4, #0\n"
        "msr control, r4\n"
        "isb\n"
        "pop {r4, r5, r6, pc}\n");
}

int main(void)
{
    mp_set_handler(EXC_IRQ0 + IRQ, irq_handler);
    run_on_psp(scenario, (uint32_t)&psp_stack[128], 0x20003E00u);
    mp_kv("b12 hf_count", hf_count);
    mp_kv("irq_count", irq_count);
    mp_kv("pc_in_thread", hf_pc >= (uint32_t)b12_wait_start && hf_pc <= (uint32_t)b12_wait_end);
    mp_kv("lr", hf_lr);
    mp_kv("pending_in_hf", hf_pending);
    mp_end_line();
    return 0;
}
