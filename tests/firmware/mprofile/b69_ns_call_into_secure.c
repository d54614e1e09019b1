/*
 * §9 behaviour 69 (mprofile.md §5.6, v7m_handle_execute_nsc): Non-secure code branching into Secure memory:
 * to an SG in NSC memory it enters Secure state with LR bit 0 cleared; to a Secure address outside NSC, or to NSC
 * memory without an SG, it takes SecureFault INVEP at the target. The SecureFault handler reports and resumes the
 * NS code at its return address (stacked LR) on the NS stack.
 */
#include "tz.h"

volatile uint32_t entry_lr, sf_count, sf_sfsr[2], sf_pc[2], sf_lr[2];

__attribute__((cmse_nonsecure_entry)) void record_lr(uint32_t lr)
{
    entry_lr = lr;
}
/* An SG stub that hands the body the LR SG left (bit 0 cleared: the caller was Non-secure). */
__asm__(".pushsection .nsc_text,\"ax\",%progbits\n .balign 8\n .global ns_record_lr\n .type ns_record_lr, %function\n"
        " .thumb\n .thumb_func\nns_record_lr:\n sg\n mov r0, lr\n b.w __acle_se_record_lr\n"
        " .balign 8\n .global nsc_no_sg\n .type nsc_no_sg, %function\n .thumb_func\nnsc_no_sg:\n nop\n nop\n bx lr\n .popsection\n");
void ns_record_lr(void);
void nsc_no_sg(void);

/* An ordinary Secure function (not NSC). */
__attribute__((noinline)) void secure_plain(void)
{
    entry_lr = 0xBAD;
}

TZ_NS_FN uint32_t ns_calls(uint32_t unused)
{
    (void)unused;
    ns_record_lr();
    ((void (*)(void))((uint32_t)secure_plain))();
    nsc_no_sg();
    return 0;
}

void sf_c(uint32_t exc_return, uint32_t msp)
{
    volatile uint32_t *frame = tz_frame(exc_return, msp);
    uint32_t n = sf_count++;
    if (n < 2) {
        sf_sfsr[n] = SCB_SFSR;
        sf_pc[n] = frame[6];
        sf_lr[n] = exc_return;
    }
    SCB_SFSR = SCB_SFSR;
    frame[6] = frame[5] & ~1u; /* resume at the NS caller's return address */
}
TZ_HANDLER(sf_handler, sf_c)

int main(void)
{
    tz_init();
    mp_set_handler(EXC_SECUREFAULT, sf_handler);
    SCB_SHCSR |= SHCSR_SECUREFAULTENA;
    tz_ns_call(ns_calls, 0);
    mp_kv("b69 sg_entry_lr_bit0", entry_lr & 1);
    mp_kv("lr_is_ns_code", entry_lr >= TZ_NS_CODE_BASE && entry_lr <= TZ_NS_CODE_LIMIT);
    mp_end_line();
    mp_kv("b69 secure_plain sfsr", sf_sfsr[0]);
    mp_kv("pc_is_target", sf_pc[0] == ((uint32_t)secure_plain & ~1u));
    mp_kv("lr", sf_lr[0]);
    mp_end_line();
    mp_kv("b69 nsc_no_sg sfsr", sf_sfsr[1]);
    mp_kv("pc_is_target", sf_pc[1] == ((uint32_t)nsc_no_sg & ~1u));
    mp_kv("lr", sf_lr[1]);
    mp_kv("count", sf_count);
    mp_end_line();
    return 0;
}
