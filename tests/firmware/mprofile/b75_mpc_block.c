/*
 * §9 behaviour 75 on mps2-an505 (mprofile.md §6.4; SSE-200 TRM "Memory Protection Controller"; tz-mpc): SSRAM1 sits
 * behind MPC1 (registers at 0x58008000), Secure at reset (every LUT bit 0). The Secure firmware makes its data
 * accesses to 0x2xxxxxxx Non-secure with SAU_CTRL.ALLNS, so a load/store at the NS alias 0x28001000 is a Non-secure
 * access to a Secure block: with CTRL.SEC_RESP clear it reads as zero and the write is ignored, the MPC records the
 * offset in INT_INFO1 and the attributes in INT_INFO2 and raises INT_STAT, which the security controller shows in
 * SECMPCINTSTATUS; with SEC_RESP set the access is a precise BusFault. (QEMU 7.2 bus-faults every blocked CPU
 * access and records nothing: a documented deviation, mapped by the test.)
 */
#include "tz.h"

#define SSRAM1_NS 0x28001000u
#define SSRAM1_S 0x38001000u
#define MPC_CTRL_SEC_RESP (1u << 4)

static volatile uint32_t faults, fault_cfsr, fault_bfar;

void b75_fault(uint32_t *frame)
{
    faults++;
    fault_cfsr = SCB_CFSR;
    fault_bfar = SCB_BFAR;
    SCB_CFSR = fault_cfsr;
    frame[0] = 0xFA;
    frame[6] += 2;
}

__attribute__((naked)) static void fault_handler(void)
{
    __asm volatile(
        ".syntax unified\n"
        "push {r4, lr}\n"
        "mrs r0, msp\n"
        "adds r0, r0, #8\n"
        "bl b75_fault\n"
        "pop {r4, pc}\n");
}

/* 16-bit LDR/STR through r1, so the fault handler can skip them and report through r0. */
static uint32_t load(uint32_t address)
{
    register uint32_t r0 __asm("r0");
    register uint32_t r1 __asm("r1") = address;
    __asm volatile("ldr r0, [r1]" : "=r"(r0) : "r"(r1) : "memory");
    return r0;
}

static void store(uint32_t address, uint32_t value)
{
    register uint32_t r0 __asm("r0") = value;
    register uint32_t r1 __asm("r1") = address;
    __asm volatile("str r0, [r1]" : : "r"(r0), "r"(r1) : "memory");
}

int main(void)
{
    mp_set_handler(EXC_BUSFAULT, fault_handler);
    SCB_SHCSR |= 1u << 17;
    REG32(SSRAM1_S) = 0x5EC2E7u;
    uint32_t lut0 = (MPC_BLK_IDX(MPC_SSRAM1) = 0, MPC_BLK_LUT(MPC_SSRAM1));
    SAU_CTRL = 2;
    mp_isb();

    uint32_t ns_read = load(SSRAM1_NS);
    store(SSRAM1_NS, 0x1111u);
    uint32_t raz_faults = faults;
    uint32_t info1 = MPC_INT_INFO1(MPC_SSRAM1), info2 = MPC_INT_INFO2(MPC_SSRAM1), stat = MPC_INT_STAT(MPC_SSRAM1);
    uint32_t secmpc = SECCTL_SECMPCINTSTATUS;
    MPC_INT_CLEAR(MPC_SSRAM1) = 1;
    uint32_t stat_cleared = MPC_INT_STAT(MPC_SSRAM1);

    MPC_CTRL(MPC_SSRAM1) |= MPC_CTRL_SEC_RESP;
    uint32_t secresp_read = load(SSRAM1_NS);
    uint32_t secresp_faults = faults, secresp_cfsr = fault_cfsr, secresp_bfar = fault_bfar;
    MPC_CTRL(MPC_SSRAM1) &= ~MPC_CTRL_SEC_RESP;
    MPC_INT_CLEAR(MPC_SSRAM1) = 1;
    SAU_CTRL = 0;
    mp_isb();

    mp_kv("b75 lut0", lut0);
    mp_kv("s_word", REG32(SSRAM1_S));
    mp_end_line();
    mp_kv("b75 raz read", ns_read);
    mp_kv("faults", raz_faults);
    mp_kv("info1", info1);
    mp_kv("info2", info2);
    mp_kv("stat", stat);
    mp_kv("secmpc", secmpc);
    mp_kv("cleared", stat_cleared);
    mp_end_line();
    mp_kv("b75 sec_resp read", secresp_read);
    mp_kv("faults", secresp_faults);
    mp_kv("cfsr", secresp_cfsr);
    mp_kv("bfar", secresp_bfar);
    mp_end_line();
    return 0;
}
