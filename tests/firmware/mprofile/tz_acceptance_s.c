/*
 * TrustZone acceptance firmware, Secure image (issue 5; mprofile.md §1-§5, Armv8-M ARM B3 security states, B8 SAU,
 * C2.4 TT; SSE-200 security controller/MPC/PPC). Runs on mps2-an505 with tz_acceptance_ns.c loaded as a separate
 * Non-secure image (MprofileFirmware.BuildTz + -device loader). The Secure side:
 *  1. configures the SAU (tz_init: NS code/RAM windows, NSC veneers; here also the peripherals' NS alias range),
 *     the MPCs and a PPC: timer0 of the SSE APB PPC0 stays Secure until the NS image asks for it (s_timer_to_ns);
 *  2. shows the additional state context: a Non-secure interrupt preempting Secure Thread code leaves the callee frame
 *     (integrity signature, R4-R11) below the basic frame on the Secure stack;
 *  3. takes a stack-limit overflow (MSPLIM) as UsageFault STKOF with SP unchanged;
 *  4. prints TT/TTT/TTA/TTAT for a table of addresses;
 *  5. starts the NS image, which calls the entry functions below through their NSC veneers, receives a callback,
 *     reads a Secure address (SecureFault AUVIOL, handled here: the exception preempts NS code, so its frame is on
 *     the NS stack and no callee frame is pushed) and runs TT from NS.
 * SFAR/SFARVALID for AUVIOL are printed on a line of their own: QEMU 7.2 does not set them (mprofile.md §8).
 */
#include "tz.h"

#define SHCSR_USGFAULTENA (1u << 18)
#define APBNSPPC0_TIMER0 1u
#define TIMER0_S 0x50000000u

typedef uint32_t __attribute__((cmse_nonsecure_call)) ns_callback_t(uint32_t);

static ns_callback_t *callback;
volatile uint32_t sf_count, sf_sfsr, sf_sfar, sf_lr, sf_stacked_pc;
volatile uint32_t uf_count, uf_cfsr, uf_lr;

/* ---- entry functions (veneers in .gnu.sgstubs; the NS image links against the import library) ---- */

__attribute__((cmse_nonsecure_entry)) void s_puts(const char *text)
{
    /* The text must be NS-readable memory of the caller (cmse_check_address_range runs TTT... via TT). */
    const char *checked = cmse_check_address_range((void *)text, 48, CMSE_NONSECURE | CMSE_MPU_READ);
    if (checked == 0) {
        mp_line("s: rejected a Secure pointer from NS");
        return;
    }

    mp_line(checked);
}

__attribute__((cmse_nonsecure_entry)) uint32_t s_add(uint32_t a, uint32_t b)
{
    return a + b;
}

__attribute__((cmse_nonsecure_entry)) void s_register(uint32_t (*fn)(uint32_t))
{
    callback = (ns_callback_t *)cmse_nsfptr_create(fn);
}

/* Calls the registered NS callback (BLXNS; it comes back through FNC_RETURN) and returns its result + 1. */
__attribute__((cmse_nonsecure_entry)) uint32_t s_invoke(uint32_t value)
{
    return callback(value) + 1;
}

/* Hands timer0 to the Non-secure world: APB PPC0 port 0 becomes NS (and Secure access through 0x50000000 stops). */
__attribute__((cmse_nonsecure_entry)) void s_timer_to_ns(void)
{
    SECCTL_APBNSPPC(0) |= APBNSPPC0_TIMER0;
    mp_isb();
}

/* What Secure code sees of timer0 through its Secure alias (0 once the PPC made the port Non-secure). */
__attribute__((cmse_nonsecure_entry)) void s_report_timer_s_alias(void)
{
    mp_kv("s: timer0 reload via s alias", REG32(TIMER0_S + 0x08));
    mp_end_line();
}

__attribute__((cmse_nonsecure_entry)) void s_report(const char *name, uint32_t value)
{
    mp_kv(name, value);
}

__attribute__((cmse_nonsecure_entry)) void s_report_end(void)
{
    mp_end_line();
}

__attribute__((cmse_nonsecure_entry)) void s_report_securefault(void)
{
    mp_kv("s: securefault count", sf_count);
    mp_kv("sfsr_auviol", sf_sfsr & SFSR_AUVIOL);
    mp_kv("lr", sf_lr);
    mp_kv("stacked_pc_moved", sf_stacked_pc);
    mp_end_line();
    mp_kv("s: sfar_valid", sf_sfsr & SFSR_SFARVALID);
    mp_kv("sfar", sf_sfar);
    mp_end_line();
}

/* ---- Secure fault handlers ---- */

void sf_body(uint32_t exc_return, uint32_t msp_at_entry)
{
    sf_count++;
    sf_sfsr = SCB_SFSR;
    sf_sfar = SCB_SFAR;
    sf_lr = exc_return;
    SCB_SFSR = sf_sfsr;
    volatile uint32_t *frame = tz_frame(exc_return, msp_at_entry);
    frame[6] += 2; /* skip the 16-bit LDR that faulted */
    sf_stacked_pc = frame[6];
}
TZ_HANDLER(sf_handler, sf_body);

void uf_body(uint32_t exc_return, uint32_t msp_at_entry)
{
    uf_count++;
    uf_cfsr = SCB_CFSR;
    uf_lr = exc_return;
    SCB_CFSR = uf_cfsr;
    volatile uint32_t *frame = tz_frame(exc_return, msp_at_entry);
    frame[6] += 2; /* skip the 16-bit SUB SP that overflowed */
}
TZ_HANDLER(uf_handler, uf_body);

/* ---- the additional state context (callee frame) ---- */

TZ_NS_BSS volatile uint32_t ns_irq_lr, ns_irq_count;

__attribute__((naked)) TZ_NS_FN void ns_irq_handler(void)
{
    __asm volatile(
        "ldr r1, =ns_irq_lr\n"
        "str lr, [r1]\n"
        "ldr r1, =ns_irq_count\n"
        "ldr r0, [r1]\n"
        "adds r0, r0, #1\n"
        "str r0, [r1]\n"
        "bx lr\n"
        ".ltorg\n");
}

volatile uint32_t s_sp, s_r4_r11_after[8];

/* Secure Thread code with known R4-R11 pends the NS-targeted IRQ; saves SP before and R4-R11 after. */
__attribute__((naked, noinline)) static void preempt_secure_thread(void)
{
    __asm volatile(
        "push {r3-r11, lr}\n"
        "mov r0, sp\n"
        "ldr r1, =0xCCCCCCCC\n"
        "movs r2, #24\n"
        "1: str r1, [r0, #-4]!\n"
        "subs r2, r2, #1\n"
        "bne 1b\n"
        "ldr r0, =s_sp\n"
        "str sp, [r0]\n"
        "ldr r4, =0x44444444\n"
        "ldr r5, =0x55555555\n"
        "ldr r6, =0x66666666\n"
        "ldr r7, =0x77777777\n"
        "ldr r8, =0x88888888\n"
        "ldr r9, =0x99999999\n"
        "ldr r10, =0xAAAAAAAA\n"
        "ldr r11, =0xBBBBBBBB\n"
        "ldr r0, =0xE000E200\n"
        "ldr r1, =1 << 30\n"
        "str r1, [r0]\n"
        "dsb\n"
        "isb\n"
        "ldr r0, =s_r4_r11_after\n"
        "stm r0, {r4-r11}\n"
        "pop {r3-r11, pc}\n"
        ".ltorg\n");
}

static void callee_frame_demo(void)
{
    tz_ns_set_handler(EXC_IRQ0 + TZ_TEST_IRQ, ns_irq_handler);
    NVIC_ITNS(0) |= 1u << TZ_TEST_IRQ;
    NVIC_ISER(0) = 1u << TZ_TEST_IRQ;
    uint32_t control = mp_control();
    mp_set_control(control & ~4u); /* no FP context: basic frame, FTYPE=1 */
    preempt_secure_thread();
    mp_set_control(control);

    volatile uint32_t *callee = (volatile uint32_t *)(s_sp - 0x20 - 0x28);
    mp_kv("s: ns irq count", ns_irq_count);
    mp_kv("ns_lr", ns_irq_lr);
    mp_kv("signature", callee[0]);
    mp_end_line();
    uint32_t saved = 1, restored = 1;
    for (int i = 0; i < 8; i++) {
        saved &= callee[2 + i] == 0x44444444u + 0x11111111u * (uint32_t)i;
        restored &= s_r4_r11_after[i] == 0x44444444u + 0x11111111u * (uint32_t)i;
    }
    mp_kv("s: callee r4_r11 saved", saved);
    mp_kv("restored", restored);
    mp_end_line();
}

/* ---- stack limit ---- */

/* SUB SP by 400 with MSPLIM 256 below SP: UsageFault STKOF, SP not written. Returns how far SP moved (restored). */
__attribute__((naked, noinline)) static uint32_t stack_limit_probe(void)
{
    __asm volatile("mov r1, sp\n sub sp, #400\n mov r0, sp\n subs r0, r1, r0\n add sp, r0\n bx lr\n");
}

static void stack_limit_demo(void)
{
    SCB_SHCSR |= SHCSR_USGFAULTENA;
    tz_set_msplim(mp_msp() - 256);
    uint32_t limit = tz_msplim();
    uint32_t moved = stack_limit_probe();
    tz_set_msplim(0);
    mp_kv("s: stkof count", uf_count);
    mp_kv("cfsr", uf_cfsr);
    mp_kv("sp_moved", moved);
    mp_kv("limit_low_bits", limit & 7u);
    mp_end_line();
}

/* ---- TT ---- */

static const uint32_t tt_addresses[] = {
    0x10000400u, /* Secure code */
    0x10100000u, /* NSC veneers */
    0x00200000u, /* NS window of this image */
    0x00300000u, /* NS image code */
    0x28300000u, /* NS image RAM */
    0x38000000u, /* Secure RAM */
    0x40200000u, /* UART0, NS alias */
    0x50200000u, /* UART0, S alias */
    0xE000ED00u, /* PPB */
    0xF0000000u, /* vendor system region */
};

static void tt_demo(void)
{
    for (unsigned i = 0; i < sizeof tt_addresses / sizeof tt_addresses[0]; i++) {
        uint32_t a = tt_addresses[i];
        mp_kv("s: tt addr", a);
        mp_kv("tt", tz_tt(a));
        mp_kv("ttt", tz_ttt(a));
        mp_kv("tta", tz_tta(a));
        mp_kv("ttat", tz_ttat(a));
        mp_end_line();
    }
}

int main(void)
{
    mp_line("s: boot");
    tz_init();
    /* The SSE/FPGA peripherals' NS alias range is Non-secure in the SAU too, so NS code reaches the PPCs. */
    tz_sau_region(3, 0x40000000u, 0x4FFFFFFFu, 0);
    mp_set_handler(EXC_SECUREFAULT, sf_handler);
    mp_set_handler(EXC_USAGEFAULT, uf_handler);
    SCB_SHCSR |= SHCSR_SECUREFAULTENA;
    mp_kv("s: sau_ctrl", SAU_CTRL);
    mp_kv("sau_type", SAU_TYPE);
    mp_kv("mpc0_blk_cfg", MPC_BLK_CFG(MPC_SSRAM0));
    mp_kv("mpc0_blk_max", MPC_BLK_MAX(MPC_SSRAM0));
    mp_kv("apbnsppc0", SECCTL_APBNSPPC(0));
    mp_end_line();

    /* Timer0 is Secure at reset: the Secure alias works. */
    REG32(TIMER0_S + 0x08) = 0x1234;
    mp_kv("s: timer0 reload via s alias", REG32(TIMER0_S + 0x08));
    mp_end_line();

    callee_frame_demo();
    stack_limit_demo();
    tt_demo();

    mp_line("s: start ns");
    tz_start_ns_image(0x00300000u); /* the NS image ends the run through the Secure exit service */
    return 1;
}
