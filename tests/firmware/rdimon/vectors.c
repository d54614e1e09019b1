/*
 * The ARMv7-M vector table (Armv7-M ARM B1.5.3) for the rdimon build: the CPU loads SP and PC from address 0 at
 * reset, not from the ELF entry, so the table points at libgloss's rdimon _start (which then asks SYS_HEAPINFO
 * for the real stack and heap). Every exception other than reset goes to a handler that exits with status 0x7F
 * through SYS_EXIT_EXTENDED, so a stray fault ends the run visibly instead of hanging.
 */
extern void _start(void);
extern char __stack_top[];

static void fault_exit(void)
{
    static const unsigned block[2] = { 0x20026, 0x7F }; /* ADP_Stopped_ApplicationExit, status */
    register unsigned r0 __asm__("r0") = 0x20;          /* SYS_EXIT_EXTENDED */
    register const unsigned *r1 __asm__("r1") = block;
    __asm__ volatile("bkpt 0xab" : : "r"(r0), "r"(r1) : "memory");
    for (;;) {
    }
}

__attribute__((section(".vectors"), used)) static void (*const vectors[48])(void) = {
    (void (*)(void))__stack_top, _start,
    [2 ... 47] = fault_exit,
};
