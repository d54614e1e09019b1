/*
 * The system calls newlib (nano) needs on bare metal (newlib's libc/include/reent.h list; the default stubs
 * of libnosys are replaced so output reaches a device): standard output and error go to the CMSDK UART0,
 * the heap grows from the end of .bss up to 64 KiB below the stack (examples/common/mps2-an385.ld), and
 * _exit ends the emulator through semihosting with the program's status.
 * Not modelled: input (reads return end of file), files, processes.
 */
#include <errno.h>
#include <stddef.h>
#include <sys/stat.h>

#include "uart.h"

extern char __heap_start[];
extern char __heap_limit[];

static char *heap_end = __heap_start;

int _write(int fd, const char *buf, int len)
{
    if (fd != 1 && fd != 2) {
        errno = EBADF;
        return -1;
    }
    for (int i = 0; i < len; i++) {
        uart_putc(buf[i]);
    }
    return len;
}

int _read(int fd, char *buf, int len)
{
    (void)fd;
    (void)buf;
    (void)len;
    return 0;
}

void *_sbrk(ptrdiff_t increment)
{
    char *previous = heap_end;
    if (increment > __heap_limit - heap_end) {
        errno = ENOMEM;
        return (void *)-1;
    }
    heap_end += increment;
    return previous;
}

int _close(int fd)
{
    (void)fd;
    errno = EBADF;
    return -1;
}

int _fstat(int fd, struct stat *st)
{
    (void)fd;
    st->st_mode = S_IFCHR;
    return 0;
}

int _isatty(int fd)
{
    return fd <= 2;
}

int _lseek(int fd, int offset, int whence)
{
    (void)fd;
    (void)offset;
    (void)whence;
    errno = ESPIPE;
    return -1;
}

int _getpid(void)
{
    return 1;
}

int _kill(int pid, int sig)
{
    (void)pid;
    (void)sig;
    errno = EINVAL;
    return -1;
}

void _exit(int status)
{
    semihost_exit(status);
}
