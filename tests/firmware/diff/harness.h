/*
 * Differential test harness: the contract between the generated case file (emitted by
 * tests/Nemu.Boards.Tests/Differential/CaseGenerator.cs) and harness.c / harness_asm.S.
 *
 * Input block of one case (words): r0..r12, APSR, scratch[16], then on FP builds s0..s15, FPSCR.
 * The generated file defines diff_case_count, diff_cases[] (case functions) and diff_inputs[].
 * Each case function calls diff_load (registers, flags, scratch and FP state from its block), runs the
 * instructions under test, then calls diff_save, which prints one line:
 *   "case N: [rK=x ...] apsr=x [mK=x ...] [sK=x ...] [fpscr=x]"
 * listing only registers / scratch words that differ from the input (APSR and FPSCR always).
 */
#ifndef NEMU_FW_HARNESS_H
#define NEMU_FW_HARNESS_H

#include <stdint.h>

#define DIFF_SCRATCH_WORDS 16
#define DIFF_IN_APSR 13
#define DIFF_IN_SCRATCH 14
#define DIFF_IN_FP (DIFF_IN_SCRATCH + DIFF_SCRATCH_WORDS)
#define DIFF_FP_REGS 16

#endif
