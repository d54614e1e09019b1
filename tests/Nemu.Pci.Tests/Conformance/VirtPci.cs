// Implements: the virt,highmem=off PCI facts the conformance tests share (issue 6 text; issue6-ref/README.md):
// ECAM at 0x3f000000 (bus << 20 | dev << 15 | fn << 12 | register), the PCIe MMIO window at 0x10000000 (bus
// addresses 1:1), the PIO window at 0x3eff0000, the GIC at /machine/unattached/device[1] (gpex INTA-D on SPIs 3-6)
// and the recorded command lines.
namespace Nemu.Pci.Tests.Conformance;

/// <summary>Addresses and command lines of the virt machine's PCIe host as QEMU 7.2 lays it out.</summary>
internal static class VirtPci
{
    public const ulong EcamBase = 0x3f000000;
    public const ulong PioWindow = 0x3eff0000;
    public const string Gic = "/machine/unattached/device[1]";

    /// <summary>edu's identification dword (1234:11e8) and its BAR0 ID register value (0x010000ed).</summary>
    public const uint EduIds = 0x11e81234;
    public const uint EduIdRegister = 0x010000ed;

    /// <summary>cmdline-edu-testdev.txt: edu at 00:01.0, pci-testdev at 00:02.0.</summary>
    public static readonly string[] EduTestdev = ["-M", "virt,highmem=off", "-nodefaults", "-device", "edu", "-device", "pci-testdev"];

    /// <summary>qtest-bridges.txt: pci-bridge 00:01.0 with pci-testdev at 01:02.0 and edu at 01:03.0; pcie-root-port 00:02.0 with edu at 02:00.0.</summary>
    public static readonly string[] Bridges =
    [
        "-M", "virt,highmem=off", "-nodefaults",
        "-device", "pci-bridge,id=br0,chassis_nr=1", "-device", "pci-testdev,bus=br0,addr=2,id=td1", "-device", "edu,bus=br0,addr=3,id=edu1",
        "-device", "pcie-root-port,id=rp0,chassis=2,slot=0", "-device", "edu,bus=rp0,id=edu2",
    ];

    /// <summary>The ECAM address of <paramref name="register"/> of bus:dev.fn.</summary>
    public static ulong Ecam(int bus, int device, int function, int register) =>
        EcamBase + ((ulong)bus << 20) + ((ulong)device << 15) + ((ulong)function << 12) + (ulong)register;

    /// <summary>Machine arguments plus <paramref name="extra"/>.</summary>
    public static string[] With(string[] args, params string[] extra) => [.. args, .. extra];
}
