using Nemu.Options.Syntax;

namespace Nemu.System.Vl;

/// <summary>
/// The <c>-machine</c> properties every machine accepts (QEMU's MachineClass properties); unknown ones fail
/// with QEMU's text, e.g. <c>Property 'none-machine.x' not found</c>.
/// </summary>
public static class MachineOptions
{
    private static readonly string[] Known =
    [
        "type", "memory-backend", "accel", "kernel", "initrd", "append", "dtb", "dumpdtb", "firmware",
        "dump-guest-core", "mem-merge", "graphics", "suppress-vmdesc", "usb", "phandle-start", "dt-compatible",
        "memory-encryption", "confidential-guest-support", "boot", "smp", "memory",
    ];

    /// <summary>Checks every item of <paramref name="options"/> against <paramref name="machine"/>'s properties.</summary>
    public static void Validate(ParsedOptions? options, MachineType machine)
    {
        if (options is null)
        {
            return;
        }

        foreach (var entry in options.Entries)
        {
            if (!Known.Contains(entry.Key) && !machine.Properties.Contains(entry.Key))
            {
                throw new VlException($"Property '{machine.Name}-machine.{entry.Key}' not found");
            }
        }
    }
}
