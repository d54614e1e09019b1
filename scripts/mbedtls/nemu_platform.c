/*
 * The platform hooks the bare-metal mbedtls test build needs (see nemu_config.h):
 * - mbedtls_hardware_poll, the MBEDTLS_ENTROPY_HARDWARE_ALT entropy source. A fixed xorshift32 sequence stands
 *   in for a hardware RNG, so every run of a suite, on any emulator, draws the same bytes. Not a source of
 *   randomness: test builds only.
 * - opendir/readdir/closedir (include/dirent.h): semihosting cannot list a host directory, so opendir fails.
 * - rename: newlib's rename() is built without HAVE_RENAME and goes through _link(), which libgloss's rdimon does
 *   not implement (ENOSYS), while its _rename() is SYS_RENAME. PSA's ITS file storage (psa_its_file.c) writes a
 *   temporary file and renames it, so without this every persistent-key test fails.
 */
#include <dirent.h>
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

int _rename(const char *oldpath, const char *newpath);

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

DIR *opendir(const char *name)
{
    (void)name;
    errno = ENOSYS;
    return NULL;
}

struct dirent *readdir(DIR *dir)
{
    (void)dir;
    errno = EBADF;
    return NULL;
}

int closedir(DIR *dir)
{
    (void)dir;
    errno = EBADF;
    return -1;
}

int rename(const char *oldpath, const char *newpath)
{
    return _rename(oldpath, newpath);
}
