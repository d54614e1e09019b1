/* Non-secure half of the two-image kit example (see tz_example_s.c). */
#include "tz_ns.h"

static uint32_t counter = 0x1234;

int main(void)
{
    tz_s_kv("tz ns: counter", counter);
    tz_s_kv("vtor_ns", REG32(0xE000ED08));
    tz_s_end_line();
    return 0;
}
