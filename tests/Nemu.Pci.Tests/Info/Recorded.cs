// QEMU 7.2's `info pci` output (issue6-ref/pci-*.txt, recorded through QMP human-monitor-command), with LF line ends.
namespace Nemu.Pci.Tests.Info;

/// <summary>Recorded QEMU outputs the printer must reproduce.</summary>
internal static class Recorded
{
    public const string Mapped = """
  Bus  0, device   0, function 0:
    Host bridge: PCI device 1b36:0008
      PCI subsystem 1af4:1100
      id ""
  Bus  0, device   1, function 0:
    Class 0255: PCI device 1234:11e8
      PCI subsystem 1af4:1100
      IRQ 42, pin A
      BAR0: 32 bit memory at 0x10000000 [0x100fffff].
      id ""
  Bus  0, device   2, function 0:
    Class 0255: PCI device 1b36:0005
      PCI subsystem 1af4:1100
      BAR0: 32 bit memory at 0x10100000 [0x10100fff].
      BAR1: I/O at 0x1000 [0x10ff].
      id ""
  Bus  0, device   3, function 0:
    PCI bridge: PCI device 1b36:0001
      IRQ 0, pin A
      BUS 0.
      secondary bus 1.
      subordinate bus 1.
      IO range [0x2000, 0x2fff]
      memory range [0x10200000, 0x103fffff]
      prefetchable memory range [0x00000000, 0x000fffff]
      BAR0: 64 bit memory at 0x10400000 [0x104000ff].
      id "br0"
  Bus  1, device   3, function 0:
    Class 0255: PCI device 1234:11e8
      PCI subsystem 1af4:1100
      IRQ 0, pin A
      BAR0: 32 bit memory at 0x10200000 [0x102fffff].
      id "edu1"

""";

    public const string RootPort = """
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
    PCI bridge: PCI device 1b36:000c
      IRQ 0, pin A
      BUS 0.
      secondary bus 0.
      subordinate bus 0.
      IO range [0xf000, 0x0fff]
      memory range [0xfff00000, 0x000fffff]
      prefetchable memory range [0xfff00000, 0x000fffff]
      BAR0: 32 bit memory at 0xffffffffffffffff [0x00000ffe].
      id "rp0"

""";

    public const string EduTestdevDefaults = """
  Bus  0, device   0, function 0:
    Host bridge: PCI device 1b36:0008
      PCI subsystem 1af4:1100
      id ""
  Bus  0, device   1, function 0:
    Ethernet controller: PCI device 1af4:1000
      PCI subsystem 1af4:0001
      IRQ 0, pin A
      BAR0: I/O at 0xffffffffffffffff [0x001e].
      BAR1: 32 bit memory at 0xffffffffffffffff [0x00000ffe].
      BAR4: 64 bit prefetchable memory at 0xffffffffffffffff [0x00003ffe].
      BAR6: 32 bit memory at 0xffffffffffffffff [0x0003fffe].
      id ""
  Bus  0, device   2, function 0:
    Class 0255: PCI device 1234:11e8
      PCI subsystem 1af4:1100
      IRQ 0, pin A
      BAR0: 32 bit memory at 0xffffffffffffffff [0x000ffffe].
      id ""
  Bus  0, device   3, function 0:
    Class 0255: PCI device 1b36:0005
      PCI subsystem 1af4:1100
      BAR0: 32 bit memory at 0xffffffffffffffff [0x00000ffe].
      BAR1: I/O at 0xffffffffffffffff [0x00fe].
      id ""

""";

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
