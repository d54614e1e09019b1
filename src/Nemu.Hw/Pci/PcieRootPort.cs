// Implements: QEMU 7.2's pcie-root-port (hw/pci-bridge/gen_pcie_root_port.c + pcie_root_port.c + pcie_port.c;
// pci.md §2.7): Red Hat 1b36:000c, class 0604, a PCI Express secondary bus "PCIE" named after the id, INTA,
// Status and Secondary Status 0 (pcie_port_init_reg) with the PCIe-only Bridge Control bits read-only, caps
// SSVID at 0x40 (1b36:0000), MSI-X at 0x48 (1 vector, exclusive BAR0 of 4 KiB), PCI Express v2 root port at 0x54,
// extended caps AER at 0x100 and ACS at 0x148 (unless disable-acs), windows disabled at reset
// (pci_bridge_disable_base_limit), slot indicators/power from presence at reset.
// Not modelled: hot-plug events and their interrupts, AER error injection, link speed
// negotiation (x-speed/x-width are stored; the capability shows QEMU's 16 GT/s x32 defaults).
using Nemu.Pci;
using Nemu.Qdev;

namespace Nemu.Hw.Pci;

/// <summary>QEMU's <c>pcie-root-port</c>.</summary>
public sealed class PcieRootPort : PciBridge
{
    public new const string TypeName = "pcie-root-port";

    public const int SsvidOffset = 0x40;
    public const int ExpressOffset = 0x54;
    public const int AerOffset = 0x100;
    public const int AcsOffset = 0x148;

    public static readonly DeviceType TypeInfo = DefinePci(TypeName, () => new PcieRootPort())
        .Description("PCI Express Root Port")
        .UserCreatable()
        .Bool("x-migrate-msix", d => ref d._migrateMsix, true)
        .UInt32("bus-reserve", d => ref d._busReserve, uint.MaxValue)
        .Size("io-reserve", d => ref d._ioReserve, ulong.MaxValue)
        .Size("mem-reserve", d => ref d._memReserve, ulong.MaxValue)
        .Size("pref32-reserve", d => ref d._pref32Reserve, ulong.MaxValue)
        .Size("pref64-reserve", d => ref d._pref64Reserve, ulong.MaxValue)
        .String("x-speed", d => ref d._speed, "16", "2_5/5/8/16")
        .String("x-width", d => ref d._width, "32", "1/2/4/8/12/16/32")
        .Bool("power_controller_present", d => ref d._powerController, true, "on/off")
        .Bool("disable-acs", d => ref d._disableAcs)
        .UInt8("chassis", d => ref d._chassis)
        .UInt16("slot", d => ref d._slot)
        .Bool("hotplug", d => ref d._hotplug, true)
        .Bool("x-native-hotplug", d => ref d._nativeHotplug, true)
        .UInt8("port", d => ref d._port)
        .UInt16("aer_log_max", d => ref d._aerLogMax, 8)
        .Build();

    private bool _migrateMsix = true;
    private uint _busReserve = uint.MaxValue;
    private ulong _ioReserve = ulong.MaxValue;
    private ulong _memReserve = ulong.MaxValue;
    private ulong _pref32Reserve = ulong.MaxValue;
    private ulong _pref64Reserve = ulong.MaxValue;
    private string? _speed = "16";
    private string? _width = "32";
    private bool _powerController = true;
    private bool _disableAcs;
    private byte _chassis;
    private ushort _slot;
    private bool _hotplug = true;
    private bool _nativeHotplug = true;
    private byte _port;
    private ushort _aerLogMax = 8;
    private bool _populated;

    public PcieRootPort()
        : base(isExpress: true, ExpressBusTypeName)
    {
        SetIdentity(PciIds.VendorRedHat, PciIds.DeviceRedHatPcieRootPort, PciIds.ClassBridgePci);
        Config[PciConfig.InterruptPin] = 1;

        // pcie_port_init_reg: no 66 MHz / fast back-to-back on PCIe; those Bridge Control bits are hardwired 0.
        SetWord(PciConfig.Status, 0);
        SetWord(PciConfig.SecStatus, 0);
        var control = (ushort)(Wmask[PciConfig.BridgeControl] | (Wmask[PciConfig.BridgeControl + 1] << 8));
        control &= unchecked((ushort)~(PciConfig.BridgeControlMasterAbort | PciConfig.BridgeControlFastBackToBack |
            PciConfig.BridgeControlDiscard | PciConfig.BridgeControlSecDiscard | PciConfig.BridgeControlDiscardStatus |
            PciConfig.BridgeControlDiscardSerr));
        Wmask[PciConfig.BridgeControl] = (byte)control;
        Wmask[PciConfig.BridgeControl + 1] = (byte)(control >> 8);
        InitState(PcieRootPortState.Vmsd, new PcieRootPortState(PciState));
    }

    public override void ConfigWrite(int address, uint value, int length)
    {
        base.ConfigWrite(address, value, length);
        var slotControl = ExpressOffset + PcieCapability.SlotCtl;
        if (Overlaps(address, length, slotControl, 2) && Devfn >= 0)
        {
            var written = (ushort)((value >> (8 * Math.Max(0, slotControl - address))) & 0xffff);
            PcieCapability.SlotControlWritten(this, ExpressOffset, written);
        }
    }

    protected override void OnRealize()
    {
        base.OnRealize();
        var ssvid = Require(AddCapability(PciConfig.CapIdSsvid, SsvidOffset, 8, out var ssvidError), ssvidError);
        SetWord(ssvid + 4, PciIds.VendorRedHat);

        if (!Msix.InitExclusiveBar(this, 1, 0, out var msixError))
        {
            throw new QdevException(msixError ?? "MSI-X init failed");
        }
        Require(PcieCapability.InitRootPort(this, ExpressOffset, _port, _slot, out var expError), expError);
        PcieCapability.ResetSlot(this, ExpressOffset, _populated);
        PcieExtCapabilities.AddAer(this, AerOffset);
        if (!_disableAcs)
        {
            PcieExtCapabilities.AddAcs(this, AcsOffset);
        }

        DisableBaseLimit();
    }

    protected override void OnBridgeReset()
    {
        DisableBaseLimit();
        if (FindCapability(PciConfig.CapIdExpress) != 0)
        {
            PcieCapability.ResetSlot(this, ExpressOffset, _populated);
        }
    }

    protected override void OnSecondaryDevicePlugged(PciDevice device)
    {
        _populated = true;
        PcieCapability.SlotPlugged(this, ExpressOffset, linkActive: true);
        PcieCapability.ResetSlot(this, ExpressOffset, populated: true);
    }

    private static int Require(int offset, string? error) => offset >= 0 ? offset : throw new QdevException(error ?? "capability");
}
