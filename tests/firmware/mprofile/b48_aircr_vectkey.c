/*
 * §9 behaviour 48 (mprofile.md §4.4 AIRCR): a write without VECTKEY 0x05FA in bits [31:16] is ignored (also the
 * read-back key 0xFA05); reads return VECTKEYSTAT 0xFA05 with PRIGROUP (not writable on v6-M).
 */
#include "mp.h"

int main(void)
{
    mp_kv("b48 reset", SCB_AIRCR);
    SCB_AIRCR = 0x00000300;
    mp_kv("nokey", SCB_AIRCR);
    SCB_AIRCR = 0xFA050300;
    mp_kv("statkey", SCB_AIRCR);
    SCB_AIRCR = 0x05FA0300;
    mp_kv("key", SCB_AIRCR);
    SCB_AIRCR = 0x05FA0000;
    mp_kv("back", SCB_AIRCR);
    mp_end_line();
    return 0;
}
