// Implements: QEMU 7.2's pci-bridge (hw/pci-bridge/pci_bridge_dev.c; pci.md §2.7): Red Hat 1b36:0001, class
// 0604, a conventional secondary bus "PCI" named after the id, INTA, caps SHPC at 0x40 (DWORD select/data
// writable), slot id at 0x48 (ESR first-in-chassis | 0 slots, chassis number) and MSI (1 vector, 64-bit,
// per-vector mask) at 0x4c, BAR0 = 64-bit memory "shpc-bar" (256 B) holding "shpc-mmio" (0xa0).
// msi=auto skips MSI when msi_init fails, as QEMU. Not modelled: SHPC semantics (ShpcRegisters stores).
// Deviation: `msi` is a plain string property (QEMU's OnOffAuto shows "<OnOffAuto>" in help).
using Nemu.Memory;
using Nemu.Pci;
using Nemu.Qdev;

namespace Nemu.Hw.Pci;

/// <summary>QEMU's <c>pci-bridge</c>: a standard PCI-PCI bridge with an SHPC.</summary>
public sealed class PciBridgeDevice : PciBridge
{
    public new const string TypeName = "pci-bridge";

    /// <summary>SHPC_CAP_LENGTH.</summary>
    public const int ShpcCapLength = 8;

    public static readonly DeviceType TypeInfo = DefinePci(TypeName, () => new PciBridgeDevice())
        .Description("Standard PCI Bridge")
        .UserCreatable()
        .UInt8("chassis_nr", d => ref d._chassisNr)
        .String("msi", d => ref d._msi, "auto", "on/off/auto")
        .Bool("shpc", d => ref d._shpc, true, "on/off")
        .UInt32("bus-reserve", d => ref d._busReserve, uint.MaxValue)
        .Size("io-reserve", d => ref d._ioReserve, ulong.MaxValue)
        .Size("mem-reserve", d => ref d._memReserve, ulong.MaxValue)
        .Size("pref32-reserve", d => ref d._pref32Reserve, ulong.MaxValue)
        .Size("pref64-reserve", d => ref d._pref64Reserve, ulong.MaxValue)
        .Build();

    private readonly PciBridgeDeviceState _state;
    private byte _chassisNr;
    private string? _msi = "auto";
    private bool _shpc = true;
    private uint _busReserve = uint.MaxValue;
    private ulong _ioReserve = ulong.MaxValue;
    private ulong _memReserve = ulong.MaxValue;
    private ulong _pref32Reserve = ulong.MaxValue;
    private ulong _pref64Reserve = ulong.MaxValue;

    public PciBridgeDevice()
        : base(isExpress: false, BusTypeName)
    {
        SetIdentity(PciIds.VendorRedHat, PciIds.DeviceRedHatBridge, PciIds.ClassBridgePci);
        _state = new PciBridgeDeviceState(PciState, Shpc.Registers);
        InitState(PciBridgeDeviceState.Vmsd, _state);
    }

    /// <summary>The SHPC register stub behind BAR0.</summary>
    public ShpcRegisters Shpc { get; } = new();

    protected override void OnRealize()
    {
        if (_msi is not ("auto" or "on" or "off"))
        {
            throw new QdevException($"Parameter 'msi' does not accept value '{_msi}'");
        }

        base.OnRealize();
        MemoryRegion? bar = null;
        if (_shpc)
        {
            Config[PciConfig.InterruptPin] = 1;
            bar = MemoryRegion.CreateContainer("shpc-bar", 0x100, this);
            bar.AddSubregion(0, MemoryRegion.CreateIo("shpc-mmio", ShpcRegisters.Size, Shpc, this));
            var cap = Require(AddCapability(PciConfig.CapIdShpc, 0, ShpcCapLength, out var error), error);
            Wmask[cap + 2] = 0xff;
            Array.Fill(Wmask, (byte)0xff, cap + 4, 4);
        }
        else
        {
            _msi = "off";
        }

        if (_chassisNr == 0)
        {
            throw new QdevException("Bridge chassis not specified. Each bridge is required to be assigned a unique chassis id > 0.");
        }

        var slotId = Require(AddCapability(PciConfig.CapIdSlotId, 0, 4, out var slotError), slotError);
        Config[slotId + 2] = 0x20; // PCI_SID_ESR_FIC | 0 slots
        Config[slotId + 3] = _chassisNr;
        if (_msi != "off" && Msi.Init(this, 0, 1, true, true, out var msiError) < 0 && _msi == "on")
        {
            throw new QdevException(msiError ?? "MSI init failed");
        }

        if (bar is not null)
        {
            RegisterBar(0, PciBarType.Memory64, bar);
        }
    }

    private static int Require(int offset, string? error) => offset >= 0 ? offset : throw new QdevException(error ?? "capability");
}
