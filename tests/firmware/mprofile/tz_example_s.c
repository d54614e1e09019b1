/*
 * Two-image example of the TrustZone kit (MprofileFirmware.BuildTz): the Secure image configures the NS windows
 * and starts the separate NS image tz_example_ns.c at 0x00300000, which reports through the Secure services.
 */
#include "tz.h"

int main(void)
{
    tz_init();
    mp_line("tz s: start ns");
    tz_start_ns_image(0x00300000u);
    mp_line("tz s: ns returned");
    return 1;
}
