/*
 * Differential test harness, C side (contract in harness.h): runs every generated case in order and prints
 * what each changed. The scratch buffer lives in its own section, placed first in RAM (0x20000000) by the
 * linker scripts, so cases may put its address in registers without tying the results to the layout.
 */
#include "console.h"
#include "harness.h"

extern const uint32_t diff_case_count;
extern void (*const diff_cases[])(void);

__attribute__((section(".scratch"))) volatile uint32_t diff_scratch[DIFF_SCRATCH_WORDS];

static const uint32_t *current_in;
static uint32_t current_case;

void diff_prepare(const uint32_t *in)
{
    current_in = in;
    for (int i = 0; i < DIFF_SCRATCH_WORDS; i++) {
        diff_scratch[i] = in[DIFF_IN_SCRATCH + i];
    }
}

static void field(char kind, int index, uint32_t value)
{
    console_putc(' ');
    console_putc(kind);
    console_dec((uint32_t)index);
    console_putc('=');
    console_hex32(value);
}

/*
 * frame (increasing addresses), as pushed by diff_save:
 *   [FP builds: fpscr, pad, s0..s15,] apsr, lr, r8..r12, pad, r0..r7
 */
void diff_record(const uint32_t *frame)
{
    const uint32_t *fp = 0;
#if defined(__ARM_FP)
    fp = frame;
    frame += 2 + DIFF_FP_REGS;
#endif
    uint32_t regs[13];
    for (int i = 0; i < 8; i++) {
        regs[i] = frame[8 + i];
    }
    for (int i = 0; i < 5; i++) {
        regs[8 + i] = frame[2 + i];
    }
    console_puts("case ");
    console_dec(current_case);
    console_putc(':');
    for (int i = 0; i < 13; i++) {
        if (regs[i] != current_in[i]) {
            field('r', i, regs[i]);
        }
    }
    console_puts(" apsr=");
    console_hex32(frame[0]);
    for (int i = 0; i < DIFF_SCRATCH_WORDS; i++) {
        uint32_t v = diff_scratch[i];
        if (v != current_in[DIFF_IN_SCRATCH + i]) {
            field('m', i, v);
        }
    }
    if (fp) {
        for (int i = 0; i < DIFF_FP_REGS; i++) {
            if (fp[2 + i] != current_in[DIFF_IN_FP + i]) {
                field('s', i, fp[2 + i]);
            }
        }
        console_puts(" fpscr=");
        console_hex32(fp[0]);
    }
    console_putc('\n');
}

int main(void)
{
    console_init();
    for (current_case = 0; current_case < diff_case_count; current_case++) {
        diff_cases[current_case]();
    }
    console_puts("done ");
    console_dec(diff_case_count);
    console_putc('\n');
    console_flush();
    return 0;
}
