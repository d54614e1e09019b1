// QEMU 7.2's `info pci` for the cmdline-edu-testdev.txt and cmdline-pcibridge.txt configurations (issue6-ref
// pci-edu-testdev.txt and pci-pcibridge.txt, recorded through QMP human-monitor-command), with LF line ends. The
// mapped and rootport recordings are in Info/Recorded.cs.
namespace Nemu.Pci.Tests.Conformance;

/// <summary>Recorded <c>info pci</c> outputs the conformance tests compare with.</summary>
internal static class InfoPciRecordings
{
    public const string EduTestdev = """
  Bus  0, device   0, function 0:
    Host bridge: PCI device 1b36:0008
      PCI subsystem 1af4:1100
      id ""
  Bus  0, device   1, function 0:
    Class 0255: PCI device 1234:11e8
      PCI subsystem 1af4:1100
      IRQ 0, pin A
      BAR0: 32 bit memory at 0xffffffffffffffff [0x000ffffe].
      id ""
  Bus  0, device   2, function 0:
    Class 0255: PCI device 1b36:0005
      PCI subsystem 1af4:1100
      BAR0: 32 bit memory at 0xffffffffffffffff [0x00000ffe].
      BAR1: I/O at 0xffffffffffffffff [0x00fe].
      id ""

""";

    public const string PciBridge = """
  Bus  0, device   0, function 0:
    Host bridge: PCI device 1b36:0008
      PCI subsystem 1af4:1100
      id ""
  Bus  0, device   1, function 0:
    Class 0255: PCI device 1234:11e8
      PCI subsystem 1af4:1100
      IRQ 0, pin A
      BAR0: 32 bit memory at 0xffffffffffffffff [0x000ffffe].
      id ""
  Bus  0, device   2, function 0:
    Class 0255: PCI device 1b36:0005
      PCI subsystem 1af4:1100
      BAR0: 32 bit memory at 0xffffffffffffffff [0x00000ffe].
      BAR1: I/O at 0xffffffffffffffff [0x00fe].
      id ""
  Bus  0, device   3, function 0:
    PCI bridge: PCI device 1b36:0001
      IRQ 0, pin A
      BUS 0.
      secondary bus 0.
      subordinate bus 0.
      IO range [0x0000, 0x0fff]
      memory range [0x00000000, 0x000fffff]
      prefetchable memory range [0x00000000, 0x000fffff]
      BAR0: 64 bit memory at 0xffffffffffffffff [0x000000fe].
      id "br0"

""";
}
