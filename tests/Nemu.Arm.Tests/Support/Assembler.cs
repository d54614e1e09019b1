// Assembles Thumb test programs with arm-none-eabi-as (a missing tool fails the test with a clear message).
namespace Nemu.Arm.Tests.Support;

internal static class Assembler
{
    private static readonly Dictionary<string, byte[]> Cache = [];

    /// <summary>Assembles <paramref name="source"/> linked at <paramref name="origin"/> and returns the raw image.</summary>
    public static byte[] Assemble(string source, string cpu = "cortex-m3", uint origin = 0)
    {
        var key = cpu + "|" + origin + "|" + source;
        lock (Cache)
        {
            if (Cache.TryGetValue(key, out var cached))
            {
                return cached;
            }
        }

        var dir = HostTools.TempDirectory();
        try
        {
            var src = Path.Combine(dir, "t.s");
            File.WriteAllText(src, ".syntax unified\n.thumb\n" + source + "\n");
            HostTools.Run("arm-none-eabi-as", $"-mcpu={cpu} -mthumb -o t.o t.s", dir);
            HostTools.Run("arm-none-eabi-ld", $"-Ttext=0x{origin:x} -e 0 -o t.elf t.o", dir);
            HostTools.Run("arm-none-eabi-objcopy", "-O binary t.elf t.bin", dir);
            var bytes = File.ReadAllBytes(Path.Combine(dir, "t.bin"));
            lock (Cache)
            {
                Cache[key] = bytes;
            }

            return bytes;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
