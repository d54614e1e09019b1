/*
 * TrustZone-M kit for the v8-M conformance firmware (issue 5; mprofile.md §1-§5, §9 behaviours 13-40, 69-72;
 * Armv8-M ARM B3.12 SAU, D1.2 TT; SSE-200 TRM for the security controller, MPC and PPC registers).
 * Built with the M33 variants (-mcmse) next to mp.h/mp.c/mp_start.S and the an505_s.ld layout: the image is the
 * Secure image and also carries a Non-secure window (code at 0x00200000, data/stack at 0x28200000).
 *
 *  - tz_init() makes that window real: NSCCFG.CODENSC, SAU regions 0-2 (NS code, NS RAM, NSC 0x10100000-0x10100FFF),
 *    SAU_CTRL.ENABLE, the MPC LUT bits of both windows, .ns_bss cleared, the NS vector table (tz_ns_vectors, every
 *    entry tz_ns_unexpected), VTOR_NS through the 0xE002ED08 alias, MSP_NS, and on FP builds NSACR.CP10/CP11 and CPACR_NS.
 *  - Non-secure code and data are marked TZ_NS_FN / TZ_NS_DATA / TZ_NS_BSS. NS code may only touch NS memory:
 *    no calls to ordinary (Secure) functions, no Secure globals; string literals may be passed by address to the
 *    ns_* services (Secure code reads them), never read from NS.
 *  - NS code reports through Secure entry functions reached by hand-written SG stubs in the NSC window: ns_kv,
 *    ns_end_line, ns_exit. A test adds its own with TZ_NSC_STUB(stub, entry) where entry is a
 *    cmse_nonsecure_entry function. (In a single ELF ld resolves an NS call to an entry function's own name to its
 *    __acle_se_ body, not to its .gnu.sgstubs veneer, so the kit names the stub explicitly.)
 *  - tz_ns_call(fn, arg) calls an NS function from Secure code (BLXNS; it returns through FNC_RETURN).
 * A separate NS image (tz_ns.h, tz_ns_start.S, an505_ns.ld at 0x00300000/0x28300000) is built by
 * MprofileFirmware.BuildTz against the Secure image's veneers and loaded with -device loader; tz_start_ns_image starts it.
 */
#ifndef NEMU_FW_TZ_H
#define NEMU_FW_TZ_H

#include <arm_cmse.h>
#include <stdint.h>
#include "mp.h"

/* SCS registers of v8-M with the Security Extension (Secure view at 0xE000E000, NS view of S code at 0xE002E000). */
#define SCS_NS(off) REG32(0xE002E000u + (off))
#define SCB_VTOR_NS SCS_NS(0xD08)
#define SCB_AIRCR_NS SCS_NS(0xD0C)
#define SCB_CCR_NS SCS_NS(0xD14)
#define SCB_SHCSR_NS SCS_NS(0xD24)
#define SCB_CFSR_NS SCS_NS(0xD28)
#define SCB_CPACR_NS SCS_NS(0xD88)
#define SCB_NSACR REG32(0xE000ED8C)
#define SAU_CTRL REG32(0xE000EDD0)
#define SAU_TYPE REG32(0xE000EDD4)
#define SAU_RNR REG32(0xE000EDD8)
#define SAU_RBAR REG32(0xE000EDDC)
#define SAU_RLAR REG32(0xE000EDE0)
#define SCB_SFSR REG32(0xE000EDE4)
#define SCB_SFAR REG32(0xE000EDE8)
#define MPU_RLAR REG32(0xE000EDA0)
#define MPU_MAIR0 REG32(0xE000EDC0)
#define REG16(a) (*(volatile uint16_t *)(a))
#define NVIC_ITNS(n) REG32(0xE000E380 + 4 * (n))

/* SFSR bits (Armv8-M ARM D1.2.221). */
enum { SFSR_INVEP = 1u << 0, SFSR_INVIS = 1u << 1, SFSR_INVER = 1u << 2, SFSR_AUVIOL = 1u << 3, SFSR_INVTRAN = 1u << 4,
       SFSR_LSPERR = 1u << 5, SFSR_SFARVALID = 1u << 6, SFSR_LSERR = 1u << 7 };
enum { EXC_SECUREFAULT = 7 };
/* SHCSR.SECUREFAULTENA (S view only). */
#define SHCSR_SECUREFAULTENA (1u << 19)

/* SSE-200 security controller (iotkit-secctl, S only, 0x50080000). */
#define SECCTL(off) REG32(0x50080000u + (off))
#define SECCTL_SECRESPCFG SECCTL(0x10)
#define SECCTL_NSCCFG SECCTL(0x14)
#define SECCTL_SECMPCINTSTATUS SECCTL(0x1C)
#define SECCTL_AHBNSPPC0 SECCTL(0x50)
#define SECCTL_AHBNSPPCEXP(n) SECCTL(0x60 + 4 * (n))
#define SECCTL_APBNSPPC(n) SECCTL(0x70 + 4 * (n))
#define SECCTL_APBNSPPCEXP(n) SECCTL(0x80 + 4 * (n))
#define SECCTL_APBSPPPCEXP(n) SECCTL(0xC0 + 4 * (n))
#define NSCCFG_CODENSC 1u
#define NSCCFG_RAMNSC 2u

/* TZ memory protection controllers (tz-mpc) of the SSRAMs on mps2-an505/an521. */
#define MPC_SSRAM0 0x58007000u
#define MPC_SSRAM1 0x58008000u
#define MPC_SSRAM2 0x58009000u
#define MPC_CTRL(b) REG32((b) + 0x00)
#define MPC_BLK_MAX(b) REG32((b) + 0x10)
#define MPC_BLK_CFG(b) REG32((b) + 0x14)
#define MPC_BLK_IDX(b) REG32((b) + 0x18)
#define MPC_BLK_LUT(b) REG32((b) + 0x1C)
#define MPC_INT_STAT(b) REG32((b) + 0x20)
#define MPC_INT_CLEAR(b) REG32((b) + 0x24)
#define MPC_INT_EN(b) REG32((b) + 0x28)
#define MPC_INT_INFO1(b) REG32((b) + 0x2C)
#define MPC_INT_INFO2(b) REG32((b) + 0x30)

/* The kit's windows (an505_s.ld). */
#define TZ_NS_CODE_BASE 0x00200000u
#define TZ_NS_CODE_LIMIT 0x003FFFFFu
#define TZ_NS_RAM_BASE 0x28200000u
#define TZ_NS_RAM_LIMIT 0x283FFFFFu
#define TZ_NSC_BASE 0x10100000u
#define TZ_NSC_LIMIT 0x10100FFFu
/* An IRQ no SSE-200/an505 device drives: free for software pending in the tests. */
#define TZ_TEST_IRQ 30

/* Placement of Non-secure code and data. */
#define TZ_NS_FN __attribute__((section(".ns_text"), noinline, used))
#define TZ_NS_DATA __attribute__((section(".ns_data")))
#define TZ_NS_BSS __attribute__((section(".ns_bss")))

/*
 * A hand-written SG stub in the NSC window: NS code calls `stub`, which executes SG and branches to the body of
 * the cmse_nonsecure_entry function `entry` (its __acle_se_ symbol). Declare `stub` with entry's prototype.
 */
#define TZ_NSC_STUB(stub, entry)                                                                                 \
    __asm__(".pushsection .nsc_text,\"ax\",%progbits\n .balign 8\n .global " #stub "\n .type " #stub ", %function\n" \
            " .thumb\n .thumb_func\n" #stub ":\n sg\n b.w __acle_se_" #entry "\n .popsection\n")

/*
 * A naked Secure exception handler that calls void fn(uint32_t exc_return, uint32_t msp_at_entry) and then
 * returns through the EXC_RETURN value (POP {pc}); fn may change the saved EXC_RETURN by returning nothing and
 * writing through tz_frame. TZ_NS_HANDLER is the same for an NS handler (fn must be TZ_NS_FN).
 */
#define TZ_HANDLER(name, fn)                                                                                     \
    __attribute__((naked)) void name(void)                                                                       \
    {                                                                                                            \
        __asm volatile("mov r0, lr\n mrs r1, msp\n push {r0, lr}\n bl " #fn "\n pop {r0, pc}\n");                 \
    }
#define TZ_NS_HANDLER(name, fn)                                                                                  \
    __attribute__((naked, section(".ns_text"), used)) void name(void)                                          \
    {                                                                                                            \
        __asm volatile("mov r0, lr\n mrs r1, msp\n push {r0, lr}\n bl " #fn "\n pop {r0, pc}\n");                 \
    }

/*
 * The basic frame a Secure handler returns through: the stack EXC_RETURN names (S or NS bank, MSP or PSP, with
 * msp_at_entry for the handler's own MSP), past the callee frame when the return will pop one (S=1 and DCRS=0).
 */
volatile uint32_t *tz_frame(uint32_t exc_return, uint32_t msp_at_entry);

/* The NS vector table VTOR_NS points at (NS RAM). */
extern volatile uint32_t tz_ns_vectors[MP_VECTORS];
extern uint32_t __ns_stack_top;

/* Configures the NS window (see the header comment). Call once from main before any NS code runs. */
void tz_init(void);
/* SAU region n: [base, limit] (limit inclusive, 32-byte granules), Non-secure or NSC. */
void tz_sau_region(int n, uint32_t base, uint32_t limit, int nsc);
/* Marks the MPC blocks covering [offset, offset + size) of the memory behind MPC `mpc` Non-secure (1) or Secure (0). */
void tz_mpc_set(uint32_t mpc, uint32_t offset, uint32_t size, int ns);
/* Installs an NS handler (an NS function) for exception exc in the NS vector table. */
void tz_ns_set_handler(int exc, void (*handler)(void));
/* The NS default handler: reports "unexpected ns exception N" through ns_unexpected and exits 0x7E. */
void tz_ns_unexpected(void);

/* Starts a separate NS image whose vector table is at vtor (VTOR_NS, MSP_NS, BLXNS to its reset handler). */
uint32_t tz_start_ns_image(uint32_t vtor);

/* Calls NS function fn(arg) from Secure state (BLXNS; the callee returns with BX LR = FNC_RETURN). */
typedef uint32_t __attribute__((cmse_nonsecure_call)) tz_ns_fn_t(uint32_t);
static inline uint32_t tz_ns_call(uint32_t (*fn)(uint32_t), uint32_t arg)
{
    tz_ns_fn_t *p = (tz_ns_fn_t *)cmse_nsfptr_create(fn);
    return p(arg);
}

/* NS-callable services (SG stubs in the NSC window). Names are Secure addresses Secure code reads. */
void ns_kv(const char *name, uint32_t value);
void ns_end_line(void);
void ns_exit(int code) __attribute__((noreturn));
void ns_unexpected(uint32_t ipsr) __attribute__((noreturn));

/* Test Target (TT, Armv8-M ARM C2.4.232): the response word for addr. */
static inline uint32_t tz_tt(uint32_t a) { uint32_t r; __asm volatile("tt %0, %1" : "=r"(r) : "r"(a)); return r; }
static inline uint32_t tz_ttt(uint32_t a) { uint32_t r; __asm volatile("ttt %0, %1" : "=r"(r) : "r"(a)); return r; }
static inline uint32_t tz_tta(uint32_t a) { uint32_t r; __asm volatile("tta %0, %1" : "=r"(r) : "r"(a)); return r; }
static inline uint32_t tz_ttat(uint32_t a) { uint32_t r; __asm volatile("ttat %0, %1" : "=r"(r) : "r"(a)); return r; }

/* Banked special registers of the other state (MRS/MSR *_NS, Secure only) and the stack limits. */
static inline uint32_t tz_msp_ns(void) { uint32_t v; __asm volatile("mrs %0, msp_ns" : "=r"(v)); return v; }
static inline void tz_set_msp_ns(uint32_t v) { __asm volatile("msr msp_ns, %0" : : "r"(v) : "memory"); }
static inline uint32_t tz_psp_ns(void) { uint32_t v; __asm volatile("mrs %0, psp_ns" : "=r"(v)); return v; }
static inline void tz_set_psp_ns(uint32_t v) { __asm volatile("msr psp_ns, %0" : : "r"(v) : "memory"); }
static inline uint32_t tz_control_ns(void) { uint32_t v; __asm volatile("mrs %0, control_ns" : "=r"(v)); return v; }
static inline void tz_set_control_ns(uint32_t v) { __asm volatile("msr control_ns, %0\n isb" : : "r"(v) : "memory"); }
static inline uint32_t tz_faultmask_ns(void) { uint32_t v; __asm volatile("mrs %0, faultmask_ns" : "=r"(v)); return v; }
static inline uint32_t tz_msplim(void) { uint32_t v; __asm volatile("mrs %0, msplim" : "=r"(v)); return v; }
static inline void tz_set_msplim(uint32_t v) { __asm volatile("msr msplim, %0" : : "r"(v) : "memory"); }
static inline uint32_t tz_psplim(void) { uint32_t v; __asm volatile("mrs %0, psplim" : "=r"(v)); return v; }
static inline void tz_set_psplim(uint32_t v) { __asm volatile("msr psplim, %0" : : "r"(v) : "memory"); }

#endif
