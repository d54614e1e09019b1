/*
 * Register dump of the NVIC and SCB (mprofile.md §4.4-§4.6; not the MPU): every register after reset, then each
 * writable one after writing all ones and after writing zero, plus the sub-word accesses §4.4 allows (bytes and
 * halfwords of ISER..IABR, IPR, SHPR, CFSR) and one it does not (a byte of ICSR). Run with -d guest_errors so the
 * v6-M bad-offset lines and the AIRCR VECTCLRACTIVE/VECTRESET lines are compared too. Interrupts stay masked by
 * PRIMASK; ICSR is written with NMIPENDSET clear (NMI cannot be masked). Registers whose value depends on time
 * (SysTick CVR, COUNTFLAG) are not printed.
 */
#include "mp.h"

#define SCS(off) REG32(0xE000E000 + (off))
#define SCS8(off) (*(volatile uint8_t *)(0xE000E000 + (off)))
#define SCS16(off) (*(volatile uint16_t *)(0xE000E000 + (off)))

static void dump(const char *label, const uint16_t *offsets, int n)
{
    console_puts(label);
    console_putc(' ');
    for (int i = 0; i < n; i++) {
        console_putc('r');
        console_hex(offsets[i]);
        console_putc('=');
        console_hex32(SCS(offsets[i]));
        console_putc(' ');
        if ((i & 7) == 7 && i + 1 < n) {
            mp_end_line();
            console_puts(label);
            console_putc(' ');
        }
    }
    mp_end_line();
}

static const uint16_t all_regs[] = {
    0x004, 0x100, 0x104, 0x180, 0x200, 0x280, 0x300, 0x400, 0x404, 0x43C, 0xD00, 0xD04, 0xD08, 0xD0C, 0xD10,
    0xD14, 0xD18, 0xD1C, 0xD20, 0xD24, 0xD28, 0xD2C, 0xD30, 0xD34, 0xD38, 0xD3C, 0xD40, 0xD44, 0xD48, 0xD4C,
    0xD50, 0xD54, 0xD58, 0xD5C, 0xD60, 0xD64, 0xD68, 0xD6C, 0xD70, 0xD74, 0xD78, 0xD7C, 0xD80, 0xD84, 0xD88,
    0xF00, 0xF34, 0xF38, 0xF3C, 0xF40, 0xF44, 0xF48, 0xFD0, 0xFE0, 0xFE4, 0xFE8, 0xFEC, 0xFF0, 0xFF4, 0xFF8,
    0xFFC, 0x010, 0x014, 0x01C,
};

/* Registers written with all ones and then zero (ICSR, AIRCR, VTOR, CCR, CPACR and FPCCR are handled apart). */
static const uint16_t rw_regs[] = {
    0x100, 0x180, 0x200, 0x280, 0x300, 0x400, 0x43C, 0xD10, 0xD18, 0xD1C, 0xD20, 0xD24, 0xD28, 0xD2C, 0xD30,
    0xD34, 0xD38, 0xD3C, 0xD84, 0xF38, 0xF3C, 0x004, 0xD00, 0xD40, 0xD78, 0xF40, 0xFE0, 0x014,
};

static void write_both(uint16_t off)
{
    SCS(off) = 0xFFFFFFFF;
    mp_kv("w1 r", off);
    mp_kv("v", SCS(off));
    SCS(off) = 0;
    mp_kv("w0", SCS(off));
    mp_end_line();
}

int main(void)
{
    mp_set_primask(1);
    dump("b90 reset", all_regs, sizeof all_regs / sizeof all_regs[0]);

    for (unsigned i = 0; i < sizeof rw_regs / sizeof rw_regs[0]; i++) {
        write_both(rw_regs[i]);
    }
    /* ICSR: PENDSVSET+PENDSVCLR and PENDSTSET+PENDSTCLR in one write set (§9 53); then clear both. */
    SCS(0xD04) = 0x7FFFFFFF;
    mp_kv("b90 icsr_w1", SCS(0xD04));
    SCS(0xD04) = 0x0A000000;
    mp_kv("icsr_clr", SCS(0xD04));
    mp_end_line();
    /* AIRCR: without VECTKEY ignored; with it PRIGROUP changes; VECTCLRACTIVE/VECTRESET only logged. */
    SCS(0xD0C) = 0xFFFFFFFF;
    mp_kv("b90 aircr_nokey", SCS(0xD0C));
    SCS(0xD0C) = 0x05FA0703;
    mp_kv("aircr_key", SCS(0xD0C));
    SCS(0xD0C) = 0x05FA0000;
    mp_kv("aircr_0", SCS(0xD0C));
    mp_end_line();
    uint32_t vtor = SCS(0xD08);
    SCS(0xD08) = 0xFFFFFFFF;
    mp_kv("b90 vtor_w1", SCS(0xD08));
    SCS(0xD08) = 0;
    mp_kv("vtor_w0", SCS(0xD08));
    SCS(0xD08) = vtor;
    uint32_t ccr = SCS(0xD14);
    SCS(0xD14) = 0xFFFFFFFF;
    mp_kv("ccr_w1", SCS(0xD14));
    SCS(0xD14) = 0;
    mp_kv("ccr_w0", SCS(0xD14));
    SCS(0xD14) = ccr;
    mp_end_line();
    uint32_t cpacr = SCS(0xD88), fpccr = SCS(0xF34);
    SCS(0xD88) = 0xFFFFFFFF;
    mp_kv("b90 cpacr_w1", SCS(0xD88));
    SCS(0xD88) = 0;
    mp_kv("cpacr_w0", SCS(0xD88));
    SCS(0xD88) = cpacr;
    SCS(0xF34) = 0xFFFFFFFE; /* not LSPACT: no FP instruction may run in between either way */
    mp_kv("fpccr_w1", SCS(0xF34));
    SCS(0xF34) = 0;
    mp_kv("fpccr_w0", SCS(0xF34));
    SCS(0xF34) = fpccr;
    mp_end_line();
    /* STIR pends IRQ n (out of range ignored); SysTick RVR keeps 24 bits, CSR its control bits. */
    SCS(0xF00) = 0xFFFFFFFF;
    SCS(0xF00) = 3;
    mp_kv("b90 stir_ispr", SCS(0x200));
    SCS(0x280) = 0xFFFFFFFF;
    SCS(0x010) = 0xFFFFFFFF;
    mp_kv("syst_csr", SCS(0x010) & 0xFFFF);
    SCS(0x010) = 0;
    mp_kv("syst_csr0", SCS(0x010) & 0xFFFF);
    SCS(0xD04) = 1u << 25;
    mp_end_line();

    /* Sub-word accesses. */
    SCS8(0x101) = 0x81;
    mp_kv("b90 iser_b1", SCS(0x100));
    mp_kv("iser_h", SCS16(0x100));
    mp_kv("iser_b", SCS8(0x101));
    SCS16(0x180) = 0xFFFF;
    mp_kv("icer_h", SCS(0x100));
    SCS(0x180) = 0xFFFFFFFF;
    SCS8(0x402) = 0xFF;
    SCS16(0x404) = 0x80C0;
    mp_kv("ipr0", SCS(0x400));
    mp_kv("ipr1", SCS(0x404));
    mp_kv("ipr_h", SCS16(0x402));
    mp_end_line();
    SCS(0x400) = 0;
    SCS(0x404) = 0;
    SCS8(0xD22) = 0xFF;
    SCS16(0xD1E) = 0xFFFF;
    mp_kv("b90 shpr2", SCS(0xD1C));
    mp_kv("shpr3", SCS(0xD20));
    mp_kv("shpr_b", SCS8(0xD1F));
    mp_kv("cfsr_b", SCS8(0xD29));
    mp_kv("cfsr_h", SCS16(0xD2A));
    mp_kv("icsr_b", SCS8(0xD04));
    mp_kv("vtor_h", SCS16(0xD08));
    SCS8(0xD08) = 0;
    SCS16(0xD0A) = 0;
    mp_kv("vtor", SCS(0xD08) == vtor);
    mp_kv("id_b", SCS8(0xFE4));
    mp_kv("id_b1", SCS8(0xFE5));
    mp_end_line();
    SCS(0xD1C) = 0;
    SCS(0xD20) = 0;
    return 0;
}
