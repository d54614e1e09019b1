/*
 * §9 behaviour 80 (mprofile.md §6.2 semihosting, §8.3 debug): BKPT #0xAB from privileged code is a semihosting call
 * (SYS_WRITE0 prints its string); a BKPT with another immediate is a normal breakpoint exception; on v7-M a
 * BKPT #0xAB executed unprivileged is also a normal breakpoint without -semihosting-config userspace=on (the string
 * is not printed). QEMU 7.2 pends DebugMonitor for a BKPT, which escalates to HardFault with HFSR.FORCED (the
 * architecture sets HFSR.DEBUGEVT there, which QEMU never does: mprofile.md §8.3); v6-M takes HardFault. With
 * userspace=on the unprivileged BKPT #0xAB prints instead (no exception). The fault handler reports the exception,
 * the stacked PC and r0, makes Thread privileged again and skips the BKPT. main ends with SYS_EXIT (0x18) with
 * r1 = ADP_Stopped_ApplicationExit (0x20026), exit status 0; -DB80_OTHER_REASON passes ADP_Stopped_RunTimeErrorUnknown
 * (0x20023) instead, exit status 1.
 */
#include "mp.h"

static volatile uint32_t bkpt_exc, bkpt_pc, bkpt_r0, bkpt_cfsr, bkpt_hfsr, bkpt_count;

void b80_fault(uint32_t *frame)
{
    bkpt_count++;
    bkpt_exc = mp_ipsr();
    bkpt_pc = frame[6];
    bkpt_r0 = frame[0];
#if __ARM_ARCH_7M__ || __ARM_ARCH_7EM__
    bkpt_cfsr = SCB_CFSR;
    bkpt_hfsr = SCB_HFSR;
    SCB_CFSR = bkpt_cfsr;
    SCB_HFSR = bkpt_hfsr;
#endif
    mp_set_control(0);
    frame[6] += 2;
}

__attribute__((naked)) static void fault_handler(void)
{
    __asm volatile(
        ".syntax unified\n"
        "push {r4, lr}\n"
        "mrs r0, msp\n"
        "adds r0, r0, #8\n"
        "bl b80_fault\n"
        "pop {r4, pc}\n");
}

extern char b80_bkpt1_site[], b80_bkptab_site[];
static const char unprivileged_text[] = "b80 unprivileged BKPT 0xAB printed this\n";

__attribute__((noinline)) static void bkpt1(void)
{
    __asm volatile(
        ".syntax unified\n"
        "movs r0, #0x04\n"
        ".global b80_bkpt1_site\n"
        "b80_bkpt1_site: bkpt #0x01\n" : : : "r0", "memory");
}

__attribute__((noinline)) static void bkptab(const char *text)
{
    __asm volatile(
        ".syntax unified\n"
        "mov r1, %0\n"
        "movs r0, #0x04\n"
        ".global b80_bkptab_site\n"
        "b80_bkptab_site: bkpt #0xab\n" : : "l"(text) : "r0", "r1", "memory");
}

static void report(const char *name, const char *site)
{
    mp_kv(name, bkpt_count);
    mp_kv("exc", bkpt_exc);
    mp_kv("pc_is_bkpt", bkpt_pc == (uint32_t)site);
    mp_kv("r0", bkpt_r0);
    mp_kv("cfsr", bkpt_cfsr);
    mp_kv("hfsr", bkpt_hfsr);
    mp_kv("control", mp_control());
    mp_end_line();
    bkpt_count = bkpt_exc = bkpt_pc = bkpt_r0 = bkpt_cfsr = bkpt_hfsr = 0;
}

int main(void)
{
    mp_set_handler(EXC_HARDFAULT, fault_handler);
    mp_set_handler(EXC_DEBUGMON, fault_handler);
    console_flush();
    semihost_write0("b80 SYS_WRITE0 from privileged code\n");
    bkptab("b80 privileged BKPT 0xAB prints\n");
    bkpt1();
    report("b80 bkpt1 count", b80_bkpt1_site);
#if __ARM_ARCH_7M__ || __ARM_ARCH_7EM__
    mp_set_control(1); /* nPRIV */
    bkptab(unprivileged_text);
    report("b80 unprivileged_bkptab count", b80_bkptab_site);
#endif
    console_flush();
#ifdef B80_OTHER_REASON
    register uint32_t r1 __asm("r1") = 0x20023;
#else
    register uint32_t r1 __asm("r1") = 0x20026;
#endif
    register uint32_t r0 __asm("r0") = 0x18;
    __asm volatile("bkpt #0xab" : "+r"(r0) : "r"(r1) : "memory");
    mp_line("b80 SYS_EXIT returned");
    return 0x55;
}
