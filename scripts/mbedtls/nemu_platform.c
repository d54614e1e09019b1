/*
 * The platform hook the bare-metal mbedtls test build needs (see nemu_config.h): mbedtls_hardware_poll, the
 * MBEDTLS_ENTROPY_HARDWARE_ALT entropy source. A fixed xorshift32 sequence stands in for a hardware RNG, so
 * every run of a suite, on any emulator, draws the same bytes. Not a source of randomness: test builds only.
 */
#include <stddef.h>
#include <stdint.h>

int mbedtls_hardware_poll(void *data, unsigned char *output, size_t len, size_t *olen);

static uint32_t state = 0x2545F491u;

int mbedtls_hardware_poll(void *data, unsigned char *output, size_t len, size_t *olen)
{
    (void)data;
    for (size_t i = 0; i < len; i++) {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        output[i] = (unsigned char)state;
    }
    *olen = len;
    return 0;
}
