/* Semihosting differential test program (bare metal, mps2-an385, Cortex-M3).
 * Calls every Arm semihosting operation QEMU implements via BKPT 0xAB and reports each result and SYS_ERRNO
 * on the semihosting console (SYS_WRITE0), so QEMU's output can be recorded and replayed against Nemu.
 * The last word of the command line (SYS_GET_CMDLINE) picks how it ends: exit0, exit1, ext7, extbad, unsupported
 * (readc first reads two console characters with SYS_READC).
 * Build: see build.sh. No C library: own vector table, reset handler and number formatting. */
#include <stdint.h>

enum {
    SYS_OPEN = 0x01, SYS_CLOSE = 0x02, SYS_WRITEC = 0x03, SYS_WRITE0 = 0x04, SYS_WRITE = 0x05, SYS_READ = 0x06,
    SYS_ISERROR = 0x08, SYS_ISTTY = 0x09, SYS_SEEK = 0x0a, SYS_FLEN = 0x0c, SYS_TMPNAM = 0x0d,
    SYS_REMOVE = 0x0e, SYS_RENAME = 0x0f, SYS_CLOCK = 0x10, SYS_TIME = 0x11, SYS_SYSTEM = 0x12, SYS_ERRNO = 0x13,
    SYS_GET_CMDLINE = 0x15, SYS_HEAPINFO = 0x16, SYS_EXIT = 0x18, SYS_EXIT_EXTENDED = 0x20,
    SYS_ELAPSED = 0x30, SYS_TICKFREQ = 0x31,
};

#define BAD_ADDR 0x30000000u /* unmapped on mps2-an385 */

extern uint32_t __bss_start[], __bss_end[], __stack_top[];
void reset_handler(void);
static void fault_handler(void) { for (;;) { } }

__attribute__((section(".vectors"), used)) static const void *const vectors[16] = {
    __stack_top, reset_handler, fault_handler, fault_handler, fault_handler, fault_handler, fault_handler,
    0, 0, 0, 0, fault_handler, fault_handler, 0, fault_handler, fault_handler,
};

static uint32_t semi(uint32_t op, uint32_t arg)
{
    register uint32_t r0 __asm__("r0") = op;
    register uint32_t r1 __asm__("r1") = arg;
    __asm__ volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
    return r0;
}

static uint32_t blk[4];
static char line[64];
static char buf[160];

static uint32_t call(uint32_t op, uint32_t a, uint32_t b, uint32_t c, uint32_t d)
{
    blk[0] = a; blk[1] = b; blk[2] = c; blk[3] = d;
    return semi(op, (uint32_t)blk);
}

static uint32_t slen(const char *s) { uint32_t n = 0; while (s[n]) { n++; } return n; }
static void put(const char *s) { semi(SYS_WRITE0, (uint32_t)s); }

static void puthex(uint32_t v)
{
    char *p = line + 12;
    *p = 0;
    do { *--p = "0123456789abcdef"[v & 15]; v >>= 4; } while (v);
    *--p = 'x'; *--p = '0';
    put(p);
}

static void putdec(int32_t v)
{
    char *p = line + 20;
    uint32_t u = v < 0 ? (uint32_t)-v : (uint32_t)v;
    *p = 0;
    do { *--p = (char)('0' + u % 10); u /= 10; } while (u);
    if (v < 0) { *--p = '-'; }
    put(p);
}

static void report(const char *what, uint32_t r)
{
    put(what); put(" r="); putdec((int32_t)r); put(" errno="); putdec((int32_t)semi(SYS_ERRNO, 0)); put("\n");
}

static void showbuf(const char *what, uint32_t n)
{
    put(what); put(" [");
    for (uint32_t i = 0; i < n; i++) {
        char c = buf[i];
        if (c >= 0x20 && c < 0x7f && c != '\\') { semi(SYS_WRITEC, (uint32_t)&c); }
        else { put("\\"); puthex((uint8_t)c); }
    }
    put("]\n");
}

static uint32_t open_file(const char *name, uint32_t mode) { return call(SYS_OPEN, (uint32_t)name, mode, slen(name), 0); }
static uint32_t write_str(uint32_t fd, const char *s) { return call(SYS_WRITE, fd, (uint32_t)s, slen(s), 0); }
static uint32_t read_buf(uint32_t fd, uint32_t n) { for (uint32_t i = 0; i < sizeof buf; i++) { buf[i] = 0; } return call(SYS_READ, fd, (uint32_t)buf, n, 0); }

static void console_ops(void)
{
    char c = 'X';
    put("hello from semihosting\n");
    semi(SYS_WRITEC, (uint32_t)&c);
    c = '\n';
    report("writec", semi(SYS_WRITEC, (uint32_t)&c));
    report("write0", semi(SYS_WRITE0, (uint32_t)"w0\n"));
    report("write0-bad", semi(SYS_WRITE0, BAD_ADDR));
}

static void cmdline_heap(void)
{
    report("cmdline", call(SYS_GET_CMDLINE, (uint32_t)buf, sizeof buf, 0, 0));
    put("cmdline-len="); putdec((int32_t)blk[1]); put("\n");
    showbuf("cmdline-text", blk[1]);
    report("cmdline-small", call(SYS_GET_CMDLINE, (uint32_t)buf, 4, 0, 0));
    static uint32_t info[4];
    uint32_t ptr = (uint32_t)info;
    report("heapinfo", semi(SYS_HEAPINFO, (uint32_t)&ptr));
    for (int i = 0; i < 4; i++) { put("heapinfo["); putdec(i); put("]="); puthex(info[i]); put("\n"); }
    ptr = BAD_ADDR;
    report("heapinfo-bad", semi(SYS_HEAPINFO, (uint32_t)&ptr));
}

static void features(void)
{
    uint32_t fd = open_file(":semihosting-features", 0);
    report("features-open", fd);
    report("features-read", read_buf(fd, 16));
    showbuf("features-data", 5);
    report("features-flen", call(SYS_FLEN, fd, 0, 0, 0));
    report("features-seek2", call(SYS_SEEK, fd, 2, 0, 0));
    report("features-read2", read_buf(fd, 16));
    showbuf("features-data2", 3);
    report("features-seek6", call(SYS_SEEK, fd, 6, 0, 0));
    report("features-istty", call(SYS_ISTTY, fd, 0, 0, 0));
    report("features-write", write_str(fd, "no"));
    report("features-close", call(SYS_CLOSE, fd, 0, 0, 0));
    report("features-open-w", open_file(":semihosting-features", 4));
    report("open-mode12", open_file("semi_test.txt", 12));
    report("open-missing", open_file("no_such_file.txt", 0));
}

static void tt(void)
{
    uint32_t in = open_file(":tt", 0), out = open_file(":tt", 4), err = open_file(":tt", 8);
    report("tt-in", in);
    report("tt-out", out);
    report("tt-err", err);
    report("tt-write-out", write_str(out, "to stdout via :tt\n"));
    report("tt-write-err", write_str(err, "to stderr via :tt\n"));
    report("tt-read-in", read_buf(in, 8));
    report("tt-write-bad-buf", call(SYS_WRITE, out, BAD_ADDR, 4, 0));
    report("tt-close-out", call(SYS_CLOSE, out, 0, 0, 0));
    report("tt-write-closed", write_str(out, "lost\n"));
    report("tt-out-again", open_file(":tt", 5));
    report("tt-stdout-still-open", write_str(out, "stdout still open\n"));
    call(SYS_CLOSE, out, 0, 0, 0);
    call(SYS_CLOSE, in, 0, 0, 0);
    call(SYS_CLOSE, err, 0, 0, 0);
}

static void files(void)
{
    uint32_t fd = open_file("semi_test.txt", 4);
    report("file-open-w", fd);
    report("file-write", write_str(fd, "Hello, file!\n"));
    report("file-flen", call(SYS_FLEN, fd, 0, 0, 0));
    report("file-seek7", call(SYS_SEEK, fd, 7, 0, 0));
    report("file-write2", write_str(fd, "FILE"));
    report("file-close", call(SYS_CLOSE, fd, 0, 0, 0));
    report("file-close-again", call(SYS_CLOSE, fd, 0, 0, 0));
    fd = open_file("semi_test.txt", 1);
    report("file-open-r", fd);
    report("file-read", read_buf(fd, 32));
    showbuf("file-data", 13);
    report("file-seek100", call(SYS_SEEK, fd, 100, 0, 0));
    report("file-read-eof", read_buf(fd, 4));
    report("file-istty", call(SYS_ISTTY, fd, 0, 0, 0));
    report("file-write-ro", write_str(fd, "x"));
    report("file-flen2", call(SYS_FLEN, fd, 0, 0, 0));
    call(SYS_CLOSE, fd, 0, 0, 0);
    fd = open_file("semi_test.txt", 8);
    report("file-open-a", fd);
    report("file-append", write_str(fd, "++\n"));
    call(SYS_CLOSE, fd, 0, 0, 0);
    fd = open_file("semi_test.txt", 0);
    report("file-read-after-append", read_buf(fd, 32));
    showbuf("file-data3", 16);
    report("file-flen3", call(SYS_FLEN, fd, 0, 0, 0));
    call(SYS_CLOSE, fd, 0, 0, 0);
    report("file-open-rplus-missing", open_file("semi_missing.txt", 2));
    fd = open_file("semi_w.txt", 6);
    report("file-open-wplus", fd);
    report("file-wplus-write", write_str(fd, "abc"));
    report("file-wplus-seek0", call(SYS_SEEK, fd, 0, 0, 0));
    report("file-wplus-read", read_buf(fd, 3));
    showbuf("file-wplus-data", 3);
    call(SYS_CLOSE, fd, 0, 0, 0);
    report("file-open-badlen", call(SYS_OPEN, (uint32_t)"semi_test.txt", 0, 4, 0));
    report("rename", call(SYS_RENAME, (uint32_t)"semi_w.txt", 10, (uint32_t)"semi_renamed.txt", 16));
    report("rename-missing", call(SYS_RENAME, (uint32_t)"semi_w.txt", 10, (uint32_t)"semi_x.txt", 10));
    report("remove", call(SYS_REMOVE, (uint32_t)"semi_renamed.txt", 16, 0, 0));
    report("remove-missing", call(SYS_REMOVE, (uint32_t)"semi_renamed.txt", 16, 0, 0));
    report("open-bad-block", semi(SYS_OPEN, BAD_ADDR));
    report("open-bad-name", call(SYS_OPEN, BAD_ADDR, 0, 3, 0));
    report("close-bad-fd", call(SYS_CLOSE, 99, 0, 0, 0));
    report("istty-bad-fd", call(SYS_ISTTY, 99, 0, 0, 0));
    report("seek-bad-fd", call(SYS_SEEK, 99, 0, 0, 0));
    report("flen-bad-fd", call(SYS_FLEN, 99, 0, 0, 0));
    report("read-bad-fd", call(SYS_READ, 99, (uint32_t)buf, 5, 0));
}

static void misc(void)
{
    report("iserror-neg", call(SYS_ISERROR, 0xffffffffu, 0, 0, 0));
    report("iserror-pos", call(SYS_ISERROR, 5, 0, 0, 0));
    report("tickfreq", semi(SYS_TICKFREQ, 0));
    blk[0] = blk[1] = 0xffffffffu;
    uint32_t r = semi(SYS_ELAPSED, (uint32_t)blk);
    put("elapsed r="); putdec((int32_t)r); put(blk[1] < 16 ? " hi-small\n" : " hi-large\n");
    report("elapsed-bad", semi(SYS_ELAPSED, BAD_ADDR));
    put(semi(SYS_CLOCK, 0) < 100000u ? "clock small\n" : "clock large\n");
    put(semi(SYS_TIME, 0) > 1600000000u ? "time plausible\n" : "time implausible\n");
    for (uint32_t i = 0; i < sizeof buf; i++) { buf[i] = 0; }
    report("tmpnam", call(SYS_TMPNAM, (uint32_t)buf, 0x2a, sizeof buf, 0));
    uint32_t n = slen(buf);
    put(buf[0] == '/' && buf[1] == 't' && buf[4] == '/' && buf[5] == 'q' && buf[9] == '-' ? "tmpnam-prefix /tmp/qemu-\n" : "tmpnam-prefix other\n");
    put("tmpnam-last2="); semi(SYS_WRITE0, (uint32_t)&buf[n - 2]); put("\n");
    report("tmpnam-small", call(SYS_TMPNAM, (uint32_t)buf, 1, 4, 0));
    report("system-true", call(SYS_SYSTEM, (uint32_t)"true", 4, 0, 0));
    report("system-exit3", call(SYS_SYSTEM, (uint32_t)"exit 3", 6, 0, 0));
}

static int ends_with(const char *s, const char *tail)
{
    uint32_t a = slen(s), b = slen(tail);
    if (b > a) { return 0; }
    for (uint32_t i = 0; i < b; i++) { if (s[a - b + i] != tail[i]) { return 0; } }
    return 1;
}

void reset_handler(void)
{
    for (uint32_t *p = __bss_start; p < __bss_end; p++) { *p = 0; }
    console_ops();
    cmdline_heap();
    char cmd[160];
    for (uint32_t i = 0; i < sizeof buf; i++) { cmd[i] = buf[i]; }
    features();
    tt();
    files();
    misc();
    report("errno-final", semi(SYS_ERRNO, 0));
    if (ends_with(cmd, "exit1")) { put("exiting via SYS_EXIT 0x20023\n"); semi(SYS_EXIT, 0x20023); }
    if (ends_with(cmd, "ext7")) { put("exiting via SYS_EXIT_EXTENDED 7\n"); call(SYS_EXIT_EXTENDED, 0x20026, 7, 0, 0); }
    if (ends_with(cmd, "extbad")) { put("exiting via SYS_EXIT_EXTENDED reason 0x20023\n"); call(SYS_EXIT_EXTENDED, 0x20023, 7, 0, 0); }
    if (ends_with(cmd, "readc")) { report("readc1", semi(0x07, 0)); report("readc2", semi(0x07, 0)); }
    if (ends_with(cmd, "unsupported")) { put("calling op 0x99\n"); semi(0x99, 0); }
    put("exiting via SYS_EXIT 0x20026\n");
    semi(SYS_EXIT, 0x20026);
    for (;;) { }
}
