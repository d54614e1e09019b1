/*
 * Synchronous fault status (issue 4 Build point 4; Armv7-M ARM B3.2.15-B3.2.18, mprofile.md §2.1): for each case
 * the faulting instruction's exception, CFSR, HFSR, BFAR/MMFAR and the stacked PC (as an offset from the faulting
 * instruction) are reported; the handler clears the status (W1C) and resumes after the case.
 * Cases: unaligned LDR with and without CCR.UNALIGN_TRP, unaligned LDRD and LDM (always trap), SDIV by zero with
 * and without CCR.DIV_0_TRP, load and store to unassigned memory (precise BusFault, BFAR), instruction fetch from
 * unassigned memory (IBUSERR), BX to an even address (INVSTATE), a coprocessor instruction with CPACR denying it
 * (NOCP), UDF (UNDEFINSTR), and UDF with UsageFault disabled (HardFault, HFSR.FORCED).
 */
#include "mp.h"

volatile uint32_t resume_pc, got_exc, got_cfsr, got_hfsr, got_bfar, got_mmfar, got_pc, faults;

void fault_record(uint32_t *frame) __attribute__((used));
void fault_record(uint32_t *frame)
{
    got_exc = mp_ipsr() & 0x1FF;
    got_cfsr = SCB_CFSR;
    got_hfsr = SCB_HFSR;
    got_bfar = SCB_BFAR;
    got_mmfar = SCB_MMFAR;
    got_pc = frame[6];
    SCB_CFSR = got_cfsr;
    SCB_HFSR = got_hfsr;
    frame[6] = resume_pc;
    frame[7] |= 1u << 24;
    faults++;
}

__attribute__((naked)) static void fault_handler(void)
{
    __asm volatile(
        "tst lr, #4\n"
        "ite eq\n"
        "mrseq r0, msp\n"
        "mrsne r0, psp\n"
        "push {r4, lr}\n"
        "bl fault_record\n"
        "pop {r4, pc}\n");
}

/* Each case: the faulting instruction at <name>_fault, execution resumes at <name>_resume. r0/r1 are inputs. */
__asm__(
    ".syntax unified\n"
    ".thumb\n"
    ".text\n"
    ".global ldr_case, ldr_case_fault, ldr_case_resume\n"
    ".thumb_func\n"
    "ldr_case:\n"
    "ldr_case_fault: ldr r0, [r0]\n"
    "ldr_case_resume: bx lr\n"
    ".global ldrd_case, ldrd_case_fault, ldrd_case_resume\n"
    ".thumb_func\n"
    "ldrd_case:\n"
    "ldrd_case_fault: ldrd r0, r1, [r0]\n"
    "ldrd_case_resume: bx lr\n"
    ".global ldm_case, ldm_case_fault, ldm_case_resume\n"
    ".thumb_func\n"
    "ldm_case:\n"
    "ldm_case_fault: ldm r0, {r1, r2}\n"
    "ldm_case_resume: bx lr\n"
    ".global sdiv_case, sdiv_case_fault, sdiv_case_resume\n"
    ".thumb_func\n"
    "sdiv_case:\n"
    "sdiv_case_fault: sdiv r0, r0, r1\n"
    "sdiv_case_resume: bx lr\n"
    ".global str_case, str_case_fault, str_case_resume\n"
    ".thumb_func\n"
    "str_case:\n"
    "str_case_fault: str r1, [r0]\n"
    "str_case_resume: bx lr\n"
    ".global blx_case, blx_case_fault, blx_case_resume\n"
    ".thumb_func\n"
    "blx_case:\n"
    "push {r4, lr}\n"
    "blx_case_fault: blx r0\n"
    "blx_case_resume: pop {r4, pc}\n"
    ".global cp_case, cp_case_fault, cp_case_resume\n"
    ".thumb_func\n"
    "cp_case:\n"
    "cp_case_fault: .inst.w 0xee000a10\n" /* vmov s0, r0 */
    "cp_case_resume: bx lr\n"
    ".global udf_case, udf_case_fault, udf_case_resume\n"
    ".thumb_func\n"
    "udf_case:\n"
    "udf_case_fault: udf #7\n"
    "udf_case_resume: bx lr\n"
    ".align 2\n"
    ".global arm_target\n"
    "arm_target: nop\n"
    "bx lr\n");

typedef uint32_t (*case_fn)(uint32_t, uint32_t);
#define CASE(name) extern uint32_t name(uint32_t, uint32_t); extern char name##_fault[], name##_resume[]
CASE(ldr_case);
CASE(ldrd_case);
CASE(ldm_case);
CASE(sdiv_case);
CASE(str_case);
CASE(blx_case);
CASE(cp_case);
CASE(udf_case);
extern char arm_target[];

static uint32_t words[4] = {0x11223344, 0x55667788, 0x99aabbcc, 0xddeeff00};

static void run(int id, case_fn fn, const char *fault_label, const char *resume_label, uint32_t r0, uint32_t r1)
{
    got_exc = got_cfsr = got_hfsr = got_pc = 0;
    faults = 0;
    resume_pc = (uint32_t)resume_label;
    uint32_t result = fn(r0, r1);
    mp_kv("b91 case", (uint32_t)id);
    mp_kv("faults", faults);
    mp_kv("exc", got_exc);
    mp_kv("cfsr", got_cfsr);
    mp_kv("hfsr", got_hfsr);
    mp_kv("bfar", got_bfar);
    mp_kv("pc_off", faults ? got_pc - (uint32_t)fault_label : 0);
    mp_kv("result", faults ? 0 : result);
    mp_end_line();
}

#define RUN(id, name, r0, r1) run(id, name, name##_fault, name##_resume, (r0), (r1))

int main(void)
{
    for (int exc = EXC_HARDFAULT; exc <= EXC_USAGEFAULT; exc++) {
        mp_set_handler(exc, fault_handler);
    }
    SCB_SHCSR |= 7u << 16; /* MEMFAULTENA, BUSFAULTENA, USGFAULTENA */
    uint32_t unaligned = (uint32_t)words + 2;

    RUN(1, ldr_case, unaligned, 0);                 /* no trap: reads 0x77881122 */
    SCB_CCR |= 1u << 3;                             /* UNALIGN_TRP */
    RUN(2, ldr_case, unaligned, 0);
    SCB_CCR &= ~(1u << 3);
    RUN(3, ldrd_case, unaligned, 0);
    RUN(4, ldm_case, unaligned, 0);
    RUN(5, sdiv_case, 100, 0);                      /* DIV_0_TRP clear: result 0 */
    SCB_CCR |= 1u << 4;                             /* DIV_0_TRP */
    RUN(6, sdiv_case, 100, 0);
    SCB_CCR &= ~(1u << 4);
    RUN(7, ldr_case, 0x70000000, 0);                /* unassigned on mps2-an385 */
    RUN(8, str_case, 0x70000010, 0x1234);
    RUN(9, blx_case, 0x70000021, 0);                /* fetch from unassigned memory */
    RUN(10, blx_case, (uint32_t)arm_target & ~1u, 0); /* BLX to an even address: INVSTATE at the target */
    SCB_CPACR = 0;
    mp_isb();
    RUN(11, cp_case, 0, 0);
    RUN(12, udf_case, 0, 0);
    SCB_SHCSR &= ~(1u << 18);                       /* USGFAULTENA clear: escalates */
    RUN(13, udf_case, 0, 0);
    return 0;
}
