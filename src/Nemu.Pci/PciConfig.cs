// Implements: the PCI Local Bus 3.0 / PCIe 4.0 configuration header layout (pci.md §2.1-§2.2): register
// offsets, Command/Status bits and capability ids as named constants, so code reads like the specification.
// Not modelled here: behaviour (see PciDevice).
namespace Nemu.Pci;

/// <summary>Configuration-space offsets and bits (PCI 3.0 §6.2, PCIe 4.0 §7.5).</summary>
public static partial class PciConfig
{
    public const int ConfigSpaceSize = 0x100;
    public const int ExpressConfigSpaceSize = 0x1000;

    public const int VendorId = 0x00;
    public const int DeviceId = 0x02;
    public const int Command = 0x04;
    public const int Status = 0x06;
    public const int RevisionId = 0x08;
    public const int ClassProg = 0x09;
    public const int ClassDevice = 0x0a;
    public const int CacheLineSize = 0x0c;
    public const int LatencyTimer = 0x0d;
    public const int HeaderType = 0x0e;
    public const int Bist = 0x0f;
    public const int BaseAddress0 = 0x10;
    public const int SubsystemVendorId = 0x2c;
    public const int SubsystemId = 0x2e;
    public const int RomAddress = 0x30;
    public const int CapabilityList = 0x34;
    public const int InterruptLine = 0x3c;
    public const int InterruptPin = 0x3d;
    public const int MinGnt = 0x3e;
    public const int MaxLat = 0x3f;

    // Type 1 (bridge) header.
    public const int PrimaryBus = 0x18;
    public const int SecondaryBus = 0x19;
    public const int SubordinateBus = 0x1a;
    public const int SecLatencyTimer = 0x1b;
    public const int IoBase = 0x1c;
    public const int IoLimit = 0x1d;
    public const int SecStatus = 0x1e;
    public const int MemoryBase = 0x20;
    public const int MemoryLimit = 0x22;
    public const int PrefMemoryBase = 0x24;
    public const int PrefMemoryLimit = 0x26;
    public const int PrefBaseUpper32 = 0x28;
    public const int PrefLimitUpper32 = 0x2c;
    public const int IoBaseUpper16 = 0x30;
    public const int IoLimitUpper16 = 0x32;
    public const int BridgeRomAddress = 0x38;
    public const int BridgeControl = 0x3e;

    /// <summary>End of the standard header; capabilities and device-specific registers follow.</summary>
    public const int HeaderSize = 0x40;

    /// <summary>QEMU's default subsystem ids of a type 0 function (pci_set_default_subsystem_id).</summary>
    public const ushort DefaultSubsystemVendorId = 0x1af4;
    public const ushort DefaultSubsystemId = 0x1100;

    public const ushort CommandIo = 0x0001;
    public const ushort CommandMemory = 0x0002;
    public const ushort CommandMaster = 0x0004;
    public const ushort CommandSerr = 0x0100;
    public const ushort CommandIntxDisable = 0x0400;

    public const ushort StatusInterrupt = 0x0008;
    public const ushort StatusCapList = 0x0010;
    public const ushort Status66Mhz = 0x0020;
    public const ushort StatusFastBackToBack = 0x0080;

    /// <summary>Status bits software clears by writing 1 (parity, target/master aborts, SERR, detected parity).</summary>
    public const ushort StatusW1cBits = 0xf900;

    /// <summary>Secondary Status "received system error" (bit 14), write-1-to-clear on ports with AER.</summary>
    public const ushort SecStatusRcvSystemError = 0x4000;

    public const byte RomAddressEnable = 0x01;

    public const byte HeaderTypeNormal = 0x00;
    public const byte HeaderTypeBridge = 0x01;
    public const byte HeaderTypeMultiFunction = 0x80;

    public const ushort BridgeControlParity = 0x0001;
    public const ushort BridgeControlSerr = 0x0002;
    public const ushort BridgeControlIsa = 0x0004;
    public const ushort BridgeControlVga = 0x0008;
    public const ushort BridgeControlVga16Bit = 0x0010;
    public const ushort BridgeControlMasterAbort = 0x0020;
    public const ushort BridgeControlSecondaryBusReset = 0x0040;
    public const ushort BridgeControlFastBackToBack = 0x0080;
    public const ushort BridgeControlDiscard = 0x0100;
    public const ushort BridgeControlSecDiscard = 0x0200;
    public const ushort BridgeControlDiscardStatus = 0x0400;
    public const ushort BridgeControlDiscardSerr = 0x0800;

    public const byte IoRangeTypeMask = 0x0f;
    public const byte IoRangeType32 = 0x01;
    public const byte IoRangeMask = 0xf0;
    public const ushort MemoryRangeMask = 0xfff0;
    public const ushort PrefRangeTypeMask = 0x000f;
    public const ushort PrefRangeType64 = 0x0001;
    public const ushort PrefRangeMask = 0xfff0;

    public const byte CapIdPm = 0x01;
    public const byte CapIdMsi = 0x05;
    public const byte CapIdSlotId = 0x04;
    public const byte CapIdVendor = 0x09;
    public const byte CapIdSsvid = 0x0d;
    public const byte CapIdShpc = 0x0c;
    public const byte CapIdExpress = 0x10;
    public const byte CapIdMsix = 0x11;

    public const ushort ExtCapIdAer = 0x0001;
    public const ushort ExtCapIdAcs = 0x000d;

    /// <summary>The first extended capability lives at 0x100 (PCIe 4.0 §7.6).</summary>
    public const int ExtendedConfigStart = 0x100;
}
