/*
 * Register dump of the ARMv8-M System Control Space (mprofile.md §4.4-§4.6; Armv8-M ARM D1.2), after
 * /work/notes/issue5-ref/tz-demo/regs.c, whose output on qemu-system-arm 7.2 is regdump-mps2-an50{5,21}.txt: every
 * SCS register seen from Secure state, directly at 0xE000E000 and through the Non-secure alias 0xE002E000, after
 * reset and after write probes (CCR, NSACR, AIRCR, SHCSR, FPCCR, SAU, MPU, MAIR), then accesses QEMU reports under
 * -d guest_errors (bad sizes and offsets, also through the alias). The SysTick alias 0xE002E010 is not read: a Secure
 * access to it fails on QEMU 7.2 (blocked re-entrant I/O, docs/deviations.md).
 */
#include "mp.h"

#define SCS_S 0xE000E000u
#define SCS_NS 0xE002E000u

static const struct {
    const char *name;
    uint32_t off;
} regs[] = {
    { "ICTR", 0x004 },     { "CPPWR", 0x00C },    { "CPUID", 0xD00 },    { "ICSR", 0xD04 },     { "VTOR", 0xD08 },
    { "AIRCR", 0xD0C },    { "SCR", 0xD10 },      { "CCR", 0xD14 },      { "SHPR1", 0xD18 },    { "SHPR2", 0xD1C },
    { "SHPR3", 0xD20 },    { "SHCSR", 0xD24 },    { "CFSR", 0xD28 },     { "HFSR", 0xD2C },     { "MMFAR", 0xD34 },
    { "BFAR", 0xD38 },     { "ID_PFR0", 0xD40 },  { "ID_PFR1", 0xD44 },  { "ID_DFR0", 0xD48 },  { "ID_MMFR0", 0xD50 },
    { "ID_ISAR0", 0xD60 }, { "ID_ISAR5", 0xD74 }, { "CLIDR", 0xD78 },    { "CTR", 0xD7C },      { "CPACR", 0xD88 },
    { "NSACR", 0xD8C },    { "MPU_TYPE", 0xD90 }, { "MPU_CTRL", 0xD94 }, { "MPU_RNR", 0xD98 },  { "MPU_RBAR", 0xD9C },
    { "MPU_RLAR", 0xDA0 }, { "MAIR0", 0xDC0 },    { "MAIR1", 0xDC4 },    { "SAU_CTRL", 0xDD0 }, { "SAU_TYPE", 0xDD4 },
    { "SAU_RNR", 0xDD8 },  { "SFSR", 0xDE4 },     { "SFAR", 0xDE8 },     { "FPCCR", 0xF34 },    { "FPCAR", 0xF38 },
    { "FPDSCR", 0xF3C },   { "MVFR0", 0xF40 },    { "MVFR1", 0xF44 },    { "MVFR2", 0xF48 },    { "ITNS0", 0x380 },
    { "ISER0", 0x100 },    { "IPR0", 0x400 },     { "PID0", 0xFE0 },     { "CID3", 0xFFC },
};

/* Prints one "b92 <tag>.<NAME>=value" line per register. */
static void dump(const char *tag, uint32_t base)
{
    for (unsigned i = 0; i < sizeof regs / sizeof regs[0]; i++) {
        char name[32];
        unsigned n = 0;
        for (const char *p = tag; *p != 0; p++) {
            name[n++] = *p;
        }
        name[n++] = '.';
        for (const char *p = regs[i].name; *p != 0; p++) {
            name[n++] = *p;
        }
        name[n] = 0;
        mp_kv(name, REG32(base + regs[i].off));
        mp_end_line();
    }
}

/* Reads and writes through pointers the compiler cannot merge or widen. */
static uint32_t rd8(uint32_t a) { return *(volatile uint8_t *)a; }
static uint32_t rd16(uint32_t a) { return *(volatile uint16_t *)a; }
static void wr8(uint32_t a, uint32_t v) { *(volatile uint8_t *)a = (uint8_t)v; }
static void wr16(uint32_t a, uint32_t v) { *(volatile uint16_t *)a = (uint16_t)v; }

int main(void)
{
    dump("b92 s", SCS_S);
    mp_kv("b92 syst_csr", SYST_CSR);
    mp_kv("calib", SYST_CALIB);
    mp_end_line();
    dump("b92 ns", SCS_NS);

    /* Write probes (regs.c's order), each read back in both views. */
    REG32(0xE000ED14) = 0xFFFFFFFFu;
    mp_kv("b92 ccr.w1", REG32(0xE000ED14));
    mp_kv("ns", REG32(0xE002ED14));
    mp_end_line();
    REG32(0xE000ED8C) = 0xFFFFFFFFu;
    mp_kv("b92 nsacr.w1", REG32(0xE000ED8C));
    mp_kv("ns", REG32(0xE002ED8C));
    mp_end_line();
    REG32(0xE000ED0C) = 0x05FA0000u | 0x6700u;
    mp_kv("b92 aircr.w", REG32(0xE000ED0C));
    mp_kv("ns", REG32(0xE002ED0C));
    mp_end_line();
    REG32(0xE000ED24) = 0x000F0000u;
    mp_kv("b92 shcsr.w", REG32(0xE000ED24));
    mp_kv("ns", REG32(0xE002ED24));
    mp_end_line();
    uint32_t fpccr = REG32(0xE000EF34);
    REG32(0xE000EF34) = 0xFFFFFFFEu; /* not LSPACT: no lazy FP state may be pending afterwards */
    mp_kv("b92 fpccr.w1", REG32(0xE000EF34));
    mp_kv("ns", REG32(0xE002EF34));
    mp_end_line();
    REG32(0xE002EF34) = 0xFFFFFFFEu;
    mp_kv("b92 fpccr.nsw1", REG32(0xE000EF34));
    mp_kv("ns", REG32(0xE002EF34));
    mp_end_line();
    REG32(0xE000EF34) = fpccr;
    REG32(0xE002EF34) = 0;
    REG32(0xE000EF38) = 0xFFFFFFFFu;
    REG32(0xE002EF3C) = 0xFFFFFFFFu;
    mp_kv("b92 fpcar.w1", REG32(0xE000EF38));
    mp_kv("ns", REG32(0xE002EF38));
    mp_kv("fpdscr.nsw1", REG32(0xE000EF3C));
    mp_kv("ns", REG32(0xE002EF3C));
    mp_end_line();

    /* Non-secure views of interrupt state: ITNS decides what the alias sees and may change. */
    NVIC_ISER(0) = 0x18u;
    NVIC_IPR(3) = 0x40u;
    NVIC_IPR(4) = 0x80u;
    REG32(0xE000E380) = 0x10u;
    REG32(0xE002E180) = 0x18u; /* NS ICER: only IRQ 4 is Non-secure */
    REG32(0xE002E200) = 0x18u; /* NS ISPR */
    REG32(0xE002E404) = 0x00C0C0C0u; /* NS IPR4..7 */
    mp_kv("b92 iser", NVIC_ISER(0));
    mp_kv("ns", REG32(0xE002E100));
    mp_kv("ispr", NVIC_ISPR(0));
    mp_kv("ns", REG32(0xE002E200));
    mp_kv("ipr0", REG32(0xE000E400));
    mp_kv("ns", REG32(0xE002E400));
    mp_kv("ipr4", REG32(0xE000E404));
    mp_kv("itns_ns", REG32(0xE002E380));
    mp_end_line();
    REG32(0xE000E280) = 0x18u;
    REG32(0xE000E180) = 0x18u;
    REG32(0xE000E380) = 0;

    /* Banked SCB registers through the alias. */
    REG32(0xE002ED08) = 0x00200000u;
    REG32(0xE002ED10) = 0xFFFFFFFFu;
    REG32(0xE002ED34) = 0x12345678u;
    REG32(0xE002ED38) = 0x9ABCDEF0u;
    REG32(0xE002ED88) = 0xFFFFFFFFu;
    mp_kv("b92 vtor.ns", REG32(0xE002ED08));
    mp_kv("scr", REG32(0xE000ED10));
    mp_kv("ns", REG32(0xE002ED10));
    mp_kv("mmfar", REG32(0xE000ED34));
    mp_kv("ns", REG32(0xE002ED34));
    mp_kv("bfar", REG32(0xE000ED38));
    mp_kv("cpacr", REG32(0xE000ED88));
    mp_kv("ns", REG32(0xE002ED88));
    mp_end_line();
    REG32(0xE000ED0C) = 0x05FA0000u; /* BFHFNMINS=0: BFAR becomes RAZ/WI from Non-secure */
    REG32(0xE002ED38) = 0x11111111u;
    mp_kv("b92 bfar", REG32(0xE000ED38));
    mp_kv("ns", REG32(0xE002ED38));
    mp_kv("aircr", REG32(0xE000ED0C));
    mp_kv("ns", REG32(0xE002ED0C));
    mp_kv("shcsr.ns", REG32(0xE002ED24));
    mp_end_line();
    REG32(0xE000ED24) = 0;
    REG32(0xE000ED14) = 0;

    /* Sub-word accesses: byte-capable registers answer, the others log a bad size (also through the alias). */
    mp_kv("b92 shpr3.b", rd8(0xE000ED22));
    mp_kv("ipr.h", rd16(0xE000E402));
    mp_kv("icsr.b", rd8(0xE000ED04));
    mp_kv("ns_icsr.b", rd8(0xE002ED04));
    mp_kv("itns.b", rd8(0xE000E380));
    mp_kv("cppwr.h", rd16(0xE000E00C));
    mp_end_line();
    wr16(0xE000ED08, 0x1234);
    wr8(0xE002ED0C, 0x55);
    mp_kv("b92 bad", REG32(0xE000E008));
    mp_kv("b", REG32(0xE000E3C0));
    mp_kv("c", REG32(0xE002E3C0));
    mp_kv("d", REG32(0xE000EF04));
    mp_end_line();
    REG32(0xE000ED00) = 0;
    REG32(0xE000ED40) = 0;
    REG32(0xE002E004) = 0;
    REG32(0xE000E00C) = 0xFFFFFFFFu;
    REG32(0xE000ED0C) = 0x05FA0002u; /* VECTCLRACTIVE: logged */

    /* SAU and MPU probes last (regs.c): they change the attribution of everything after them. */
    REG32(0xE000EDC0) = 0xFFFFFFFFu;
    mp_kv("b92 mair0.w1", REG32(0xE000EDC0));
    mp_kv("ns", REG32(0xE002EDC0));
    mp_end_line();
    REG32(0xE000ED98) = 0;
    REG32(0xE000ED9C) = 0xFFFFFFFFu;
    REG32(0xE000EDA0) = 0xFFFFFFFFu;
    mp_kv("b92 mpu_rbar.w1", REG32(0xE000ED9C));
    mp_kv("rlar", REG32(0xE000EDA0));
    mp_kv("ns", REG32(0xE002EDA0));
    mp_end_line();
    REG32(0xE000EDA0) = 0;
    REG32(0xE000EDD8) = 0;
    REG32(0xE000EDDC) = 0xFFFFFFFFu;
    REG32(0xE000EDE0) = 0xFFFFFFFFu;
    mp_kv("b92 sau_rbar.w1", REG32(0xE000EDDC));
    mp_kv("rlar", REG32(0xE000EDE0));
    mp_kv("ns", REG32(0xE002EDE0));
    mp_end_line();
    REG32(0xE000EDE0) = 0;
    REG32(0xE000EDD0) = 0xFFFFFFFFu;
    mp_kv("b92 sau_ctrl.w1", REG32(0xE000EDD0));
    mp_kv("ns", REG32(0xE002EDD0));
    mp_end_line();
    REG32(0xE000EDD0) = 0;
    return 0;
}
