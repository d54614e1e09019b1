// A tiny firmware built with arm-none-eabi-gcc (vector table, C code computing something, result in RAM, an
// SVC and a SysTick interrupt) runs to completion on the armv7m container.
using Nemu.Arm.Tests.Support;

namespace Nemu.Arm.Tests.Cpu;

public sealed class FirmwareTests
{
    private const string Source = """
        #include <stdint.h>
        #define RESULT ((volatile uint32_t *)0x20000000)
        #define SYST ((volatile uint32_t *)0xE000E010)
        extern uint32_t _stack_top;
        void reset(void);
        static volatile uint32_t ticks, svcs;
        void systick(void) { ticks++; }
        void svc(void) { svcs++; }
        void fault(void) { RESULT[3] = 0xDEAD; for (;;) { } }
        __attribute__((section(".vectors"), used)) void *const vectors[16] = {
            &_stack_top, reset, fault, fault, fault, fault, fault, 0, 0, 0, 0, svc, 0, 0, fault, systick,
        };
        static uint32_t crc32(const uint8_t *p, uint32_t n) {
            uint32_t c = 0xFFFFFFFFu;
            while (n--) { c ^= *p++; for (int k = 0; k < 8; k++) c = (c >> 1) ^ (0xEDB88320u & -(c & 1)); }
            return ~c;
        }
        static uint32_t primes(uint32_t limit) {
            uint32_t count = 0;
            for (uint32_t i = 2; i < limit; i++) { uint32_t d = 2; while (d * d <= i && i % d) d++; if (d * d > i) count++; }
            return count;
        }
        void reset(void) {
            static const char text[] = "123456789";
            SYST[1] = 999; SYST[2] = 0; SYST[0] = 7;
            RESULT[0] = crc32((const uint8_t *)text, 9);
            RESULT[1] = primes(2000);
            __asm volatile ("svc #1");
            while (ticks < 3) { __asm volatile ("wfi"); }
            RESULT[2] = svcs * 100 + ticks;
            for (;;) { __asm volatile ("wfi"); }
        }
        """;

    private const string LinkerScript = """
        MEMORY { FLASH (rx) : ORIGIN = 0, LENGTH = 256K  RAM (rwx) : ORIGIN = 0x20000000, LENGTH = 64K }
        SECTIONS {
            .text : { KEEP(*(.vectors)) *(.text*) *(.rodata*) } > FLASH
            .bss (NOLOAD) : { . = . + 16; *(.bss*) *(COMMON) } > RAM
            _stack_top = ORIGIN(RAM) + LENGTH(RAM);
        }
        """;

    private static byte[] Build(string cpu)
    {
        var dir = HostTools.TempDirectory();
        try
        {
            File.WriteAllText(Path.Combine(dir, "fw.c"), Source);
            File.WriteAllText(Path.Combine(dir, "fw.ld"), LinkerScript);
            HostTools.Run("arm-none-eabi-gcc", $"-mcpu={cpu} -mthumb -O2 -nostdlib -ffreestanding -T fw.ld -o fw.elf fw.c -lgcc", dir);
            HostTools.Run("arm-none-eabi-objcopy", "-O binary fw.elf fw.bin", dir);
            return File.ReadAllBytes(Path.Combine(dir, "fw.bin"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("cortex-m3")]
    [InlineData("cortex-m0")]
    [InlineData("cortex-m4")]
    public void GccBuiltFirmwareComputesItsResultsAndHandlesInterrupts(string cpu)
    {
        using var m = new Armv7mMachine(cpu);
        m.Load(Build(cpu));
        m.Start();
        Assert.True(m.Loop.RunUntil(() => m.Read32(0x20000008) != 0 || m.Read32(0x2000000C) != 0, TimeSpan.FromSeconds(60)));
        Assert.Equal(0u, m.Read32(0x2000000C));
        Assert.Equal(0xCBF43926u, m.Read32(0x20000000));
        Assert.Equal(303u, m.Read32(0x20000004));
        var svcAndTicks = m.Read32(0x20000008);
        Assert.Equal(1u, svcAndTicks / 100);
        Assert.InRange(svcAndTicks % 100, 3u, 99u);
    }
}
