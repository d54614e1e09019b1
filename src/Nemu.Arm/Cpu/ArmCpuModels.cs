// The registry of M-profile CPU types (QEMU's cortex-m* classes, mprofile.md §7). cortex-m55 is a reserved name:
// listed but not yet runnable (no MVE here).
using Nemu.Arm.Decoding;

namespace Nemu.Arm.Cpu;

/// <summary>Known CPU models and the <c>-cpu help</c> listing.</summary>
public static class ArmCpuModels
{
    private static readonly uint[] M0M3M4Ids = [0x30, 0x200, 0x00100000, 0, 0x30, 0, 0, 0, 0x01141110, 0x02111000, 0x21112231, 0x01111110, 0x01310102, 0];
    private static readonly uint[] M7Ids = [0x30, 0x200, 0x00100000, 0, 0x00100030, 0, 0x01000000, 0, 0x01101110, 0x02112000, 0x20232231, 0x01111131, 0x01310132, 0];
    private static readonly uint[] M33Ids = [0x30, 0x210, 0x00200000, 0, 0x00101F40, 0, 0x01000000, 0, 0x01101110, 0x02212000, 0x20232232, 0x01111131, 0x01310132, 0];
    private static readonly uint[] M55Ids = [0x20000030, 0x230, 0x10200000, 0, 0x00111040, 0, 0x01000000, 0x11, 0x01103110, 0x02212000, 0x20232232, 0x01111131, 0x01310132, 0];

    private const ArchFeatures V6 = ArchFeatures.V6M;
    private const ArchFeatures V7 = ArchFeatures.V6M | ArchFeatures.V7M;
    private const ArchFeatures V7E = V7 | ArchFeatures.Dsp | ArchFeatures.Fp;
    private const ArchFeatures V7EDouble = V7E | ArchFeatures.FpDouble | ArchFeatures.FpV5;
    private static readonly uint[] M4Mvfr = [0x10110021, 0x11000011, 0];
    private static readonly uint[] M7Mvfr = [0x10110221, 0x12000011, 0x40];
    private static readonly uint[] M33Mvfr = [0x10110021, 0x11000011, 0x40];
    private const ArchFeatures V8MainSecure = V7E | ArchFeatures.FpV5 | ArchFeatures.V8M | ArchFeatures.SecExt;

    public static IReadOnlyList<ArmCpuModel> All { get; } =
    [
        new("cortex-m0", V6, 0x410CC200, M0M3M4Ids, 2, 0),
        new("cortex-m3", V7, 0x410FC231, M0M3M4Ids, 8, 8),
        new("cortex-m4", V7E, 0x410FC240, M0M3M4Ids, 8, 8, MediaFeatures: M4Mvfr),
        new("cortex-m7", V7EDouble, 0x411FC272, M7Ids, 8, 8, MediaFeatures: M7Mvfr),
        new("cortex-m33", V8MainSecure, 0x410FD213, M33Ids, 8, 16, MediaFeatures: M33Mvfr, SauRegions: 8),
        new("cortex-m55", V7E, 0x410FD221, M55Ids, 8, 16, Implemented: false),
    ];

    /// <summary>Finds a model by name (case-insensitive), or null.</summary>
    public static ArmCpuModel? Find(string name) =>
        All.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Finds a runnable model or throws with a message naming the valid choices.</summary>
    public static ArmCpuModel Get(string name)
    {
        var model = Find(name) ?? throw new ArgumentException($"unable to find CPU model '{name}'", nameof(name));
        if (!model.Implemented)
        {
            throw new ArgumentException($"CPU model '{model.Name}' is not supported yet (ARMv8.1-M); use one of: {string.Join(", ", All.Where(m => m.Implemented).Select(m => m.Name))}", nameof(name));
        }

        return model;
    }

    /// <summary>The <c>-cpu help</c> text (QEMU prints "Available CPUs:" then one indented name per line).</summary>
    public static string Help() =>
        "Available CPUs:\n" + string.Concat(All.Select(m => "  " + m.Name + "\n"));
}
