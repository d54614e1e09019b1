/*
 * §9 behaviour 17 (mprofile.md §2.5 v7m_integrity_sig): as behaviour 16 with an active FP context (FTYPE=0): the
 * integrity signature is 0xFEFA125A, the callee frame sits below the 0x68-byte extended frame, and the NS
 * handler's EXC_RETURN is 0xFFFFFFE8.
 */
#define B_FP 1
#include "b16_callee_frame_s_to_ns.c"
