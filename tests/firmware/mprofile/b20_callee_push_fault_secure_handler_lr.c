/*
 * §9 behaviour 20 (mprofile.md §2.4 step 3a): a callee-push fault whose derived MemManage_S wins: the Secure
 * handler's EXC_RETURN has S=1, ES=1, DCRS=0 and the callee push is not repeated for the NS IRQ that tail-chains
 * after it (see b18_callee_push_mpu_fault.c, built here with B20=1).
 */
#define B20 1
#include "b18_callee_push_mpu_fault.c"
