/*
 * mbedtls 2.28 configuration for the bare-metal test-suite build (scripts/mbedtls/build.sh), included as
 * MBEDTLS_USER_CONFIG_FILE at the end of mbedtls's default include/mbedtls/config.h, so it only adds and removes.
 *
 * The target is mps2-an385 (Cortex-M3, no OS) with newlib's rdimon semihosting C library: stdio, fopen and
 * time() work through semihosting calls to the host; there are no sockets, no signals, no threads, no
 * /dev/urandom.
 */

/* Debian's build (debian/rules) enables these on top of the default config; they are plain C, so keep them
 * for the same suite coverage as Debian. Its MBEDTLS_THREADING_PTHREAD and MBEDTLS_HAVEGE_C are left out:
 * pthreads do not exist on bare metal and HAVEGE needs the timing module below. */
#define MBEDTLS_MD2_C
#define MBEDTLS_MD4_C
#define MBEDTLS_CMAC_C
#define MBEDTLS_SSL_DTLS_SRTP

/* net_sockets.c is BSD sockets ("#error: only works on Unix and Windows"); test_suite_net then has no cases. */
#undef MBEDTLS_NET_C

/* timing.c needs POSIX timers and signals (same #error); test_suite_timing runs nothing. */
#undef MBEDTLS_TIMING_C

/* entropy_poll.c's platform source reads /dev/urandom or getrandom(2), which a bare-metal target lacks.
 * The entropy module instead polls mbedtls_hardware_poll(), which scripts/mbedtls/nemu_platform.c implements
 * with a fixed pseudo-random sequence: the run is deterministic, so QEMU's and Nemu's outputs can be compared
 * byte for byte (insecure on purpose: this is a test build). */
#define MBEDTLS_NO_PLATFORM_ENTROPY
#define MBEDTLS_ENTROPY_HARDWARE_ALT

/* AES-NI and VIA PadLock are x86 instructions; their sources compile to nothing on Arm, but the suites'
 * dependency checks then report them as absent, which is the truth on this target. */
#undef MBEDTLS_AESNI_C
#undef MBEDTLS_PADLOCK_C

/* Kept on purpose: MBEDTLS_FS_IO, MBEDTLS_PSA_CRYPTO_STORAGE_C and MBEDTLS_PSA_ITS_FILE_C (files through
 * semihosting SYS_OPEN/READ/WRITE/SEEK/FLEN/REMOVE relative to the emulator's working directory, which
 * run.sh sets to a per-emulator copy of mbedtls's tests folder), MBEDTLS_HAVE_TIME and MBEDTLS_HAVE_TIME_DATE
 * (time() is SYS_TIME, gmtime_r is newlib's), MBEDTLS_HAVE_ASM (bn_mul.h has Thumb-2 assembly for Cortex-M3). */
