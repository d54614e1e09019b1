/*
 * §9 behaviour 76 on mps2-an505 (mprofile.md §6.4, plan §4): the SSE CPU boots Secure from INITSVTOR0 = 0x10000000,
 * the Secure alias of SSRAM0 behind MPC0, and -kernel loads the image there through the CPU's Secure address space.
 * The firmware reports VTOR_S, where it runs and where its stack is, the security controller's and MPC0's reset
 * values, and checks that the S alias and the plain address show the same SSRAM0 bytes (Secure accesses pass
 * MPC0 at reset, whose LUT marks every block Secure).
 */
#include "mp.h"

#define SYSCTL(off) REG32(0x50021000u + (off))
#define SECCTL(off) REG32(0x50080000u + (off))
#define MPC0(off) REG32(0x58007000u + (off))

extern const uint32_t __vectors[];

int main(void)
{
    uint32_t pc;
    __asm volatile("mov %0, pc" : "=r"(pc));
    mp_kv("b76 vtor", SCB_VTOR);
    mp_kv("vectors", (uint32_t)__vectors);
    mp_kv("pc_region", pc >> 20);
    mp_kv("sp_region", mp_msp() >> 20);
    mp_end_line();
    mp_kv("b76 initsvtor0", SYSCTL(0x110));
    mp_kv("cpuwait", SYSCTL(0x118));
    mp_kv("secrespcfg", SECCTL(0x10));
    mp_kv("nsccfg", SECCTL(0x14));
    mp_kv("apbnsppcexp1", SECCTL(0x84));
    mp_end_line();
    mp_kv("b76 mpc0_ctrl", MPC0(0x00));
    mp_kv("blk_max", MPC0(0x10));
    mp_kv("blk_cfg", MPC0(0x14));
    mp_kv("lut0", MPC0(0x1C));
    mp_kv("pid4", MPC0(0xFD0));
    mp_end_line();
    /* Address 0 through a register gcc cannot see, or it treats the load as a null dereference. */
    uint32_t plain = 0;
    __asm volatile("" : "+r"(plain));
    mp_kv("b76 alias_same", REG32(0x10000000u) == REG32(plain) && REG32(0x10000004u) == REG32(plain + 4));
    mp_kv("reset_pc", REG32(0x10000004u) >> 20);
    mp_end_line();
    return 0;
}
