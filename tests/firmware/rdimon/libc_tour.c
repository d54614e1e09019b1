/*
 * A hosted C program on bare metal: newlib linked with --specs=rdimon.specs (libgloss's "rdimon" semihosting
 * back end, ARM semihosting spec v2, management.md §7.2) for mps2-an385, or picolibc with --oslib=semihost.
 * It exercises the libc paths that sit on semihosting: stdio (SYS_OPEN ":tt", SYS_WRITE), float formatting,
 * qsort, malloc/free (sbrk over SYS_HEAPINFO), strtod, a host file round trip (SYS_OPEN/WRITE/CLOSE/READ/SEEK/
 * FLEN/REMOVE in the directory named by the last argument, from SYS_GET_CMDLINE: newlib's argv[0] is the first
 * word of the command line, picolibc's is "program-name"), time() (SYS_TIME), clock()
 * (SYS_CLOCK) and a non-zero exit status (exit(3): SYS_EXIT_EXTENDED with ADP_Stopped_ApplicationExit).
 * Lines starting "time:" / "clock:" carry host-dependent values; the test masks their digits.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int compare_ints(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static void floats(void)
{
    double values[] = { 3.14159265358979, -0.000123456, 1e300, 2.5, 1.0 / 3.0 };
    for (unsigned i = 0; i < sizeof values / sizeof values[0]; i++) {
        printf("float %u: %f %e %g %.12g\n", i, values[i], values[i], values[i], values[i]);
    }
}

static void sorting(void)
{
    int numbers[] = { 42, -7, 1000, 0, 13, -7, 99, 5, 2147483647, -2147483647 - 1 };
    size_t count = sizeof numbers / sizeof numbers[0];
    qsort(numbers, count, sizeof numbers[0], compare_ints);
    printf("qsort:");
    for (size_t i = 0; i < count; i++) {
        printf(" %d", numbers[i]);
    }
    printf("\n");
}

static void heap(void)
{
    size_t total = 0;
    char *blocks[16];
    for (int i = 0; i < 16; i++) {
        size_t size = 64u << (i % 8);
        blocks[i] = malloc(size);
        if (blocks[i] == NULL) {
            printf("malloc: failed at %d\n", i);
            return;
        }
        memset(blocks[i], i, size);
        total += size;
    }
    int intact = 1;
    for (int i = 0; i < 16; i++) {
        intact &= blocks[i][0] == i && blocks[i][(64u << (i % 8)) - 1] == i;
        free(blocks[i]);
    }
    char *again = malloc(100000);
    printf("malloc: %u bytes in 16 blocks, intact=%d, 100000 after free: %s\n", (unsigned)total, intact,
           again != NULL ? "ok" : "failed");
    free(again);
}

static void parsing(void)
{
    const char *inputs[] = { "3.5", "-1e-5", "0x1p4", "inf", "12abc", "1e400" };
    for (unsigned i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        char *end;
        errno = 0;
        double value = strtod(inputs[i], &end);
        printf("strtod(\"%s\") = %g, rest \"%s\", erange=%d\n", inputs[i], value, end, errno == ERANGE);
    }
}

static int files(const char *dir)
{
    char path[256];
    static const char text[] = "semihosting round trip: 0123456789\n";
    char back[64];
    snprintf(path, sizeof path, "%s/tour.txt", dir);

    FILE *f = fopen(path, "wb");
    if (f == NULL) {
        printf("fopen w: errno %d\n", errno);
        return 1;
    }
    size_t wrote = fwrite(text, 1, sizeof text - 1, f);
    int closed = fclose(f);
    printf("file: wrote %u, fclose %d\n", (unsigned)wrote, closed);

    f = fopen(path, "rb");
    if (f == NULL) {
        printf("fopen r: errno %d\n", errno);
        return 1;
    }
    fseek(f, 0, SEEK_END);
    long length = ftell(f);
    fseek(f, 24, SEEK_SET);
    size_t got = fread(back, 1, sizeof back - 1, f);
    back[got] = '\0';
    long position = ftell(f);
    int at_end = feof(f) != 0;
    fclose(f);
    printf("file: length %ld, read %u from 24: \"%.10s\", ftell %ld, eof %d\n", length, (unsigned)got, back, position,
           at_end);

    printf("file: remove %d\n", remove(path));
    errno = 0;
    f = fopen(path, "rb");
    printf("file: reopen after remove %s\n", f == NULL ? "fails" : "succeeds");
    if (f != NULL) {
        fclose(f);
    }
    return 0;
}

static void clocks(void)
{
    time_t now = time(NULL);
    clock_t start = clock();
    volatile unsigned spin = 0;
    for (unsigned i = 0; i < 200000; i++) {
        spin += i;
    }
    clock_t end = clock();
    printf("time: %lld (after 2020: %d)\n", (long long)now, now > 1577836800);
    printf("clock: %ld %ld (monotonic: %d)\n", (long)start, (long)end, end >= start);
}

int main(int argc, char **argv)
{
    printf("libc tour: argc=%d\n", argc);
    floats();
    sorting();
    heap();
    parsing();
    if (argc < 2 || files(argv[argc - 1]) != 0) {
        printf("file: no directory argument\n");
    }
    clocks();
    printf("exiting with 3\n");
    return 3;
}
