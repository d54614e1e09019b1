// Implements: QEMU's PCIDevice (hw/pci/pci.c; pci.md §2): the function's identity, its qdev type
// "pci-device" with the properties QEMU gives every PCI function (addr, romfile, romsize, rombar,
// multifunction, x-pcie-lnksta-dllla, x-pcie-extcap-init, failover_pair_id, acpi-index), plugging into a
// PciBus slot at realize (do_pci_register_device, with its error texts), reset (pci_do_device_reset) and the
// `info qtree` lines (pcibus_dev_print). Config space, BARs, capabilities, INTx, bus mastering and state live
// in the partial files PciDevice.*.cs.
// Not modelled: option ROM files (only romfile="" is accepted), hotplug, failover, SR-IOV, power states.
using System.Text;
using Nemu.Qdev;
using Nemu.Qdev.Properties;

namespace Nemu.Pci;

/// <summary>Base of every PCI function: type 0 header by default, PCIe when <see cref="IsExpress"/>.</summary>
public abstract partial class PciDevice : Device
{
    /// <summary>QEMU's TYPE_PCI_DEVICE.</summary>
    public new const string TypeName = "pci-device";

    /// <summary>The qdev bus type a conventional PCI device plugs into (qtree prints <c>type PCI</c>).</summary>
    public const string BusTypeName = "PCI";

    /// <summary>The qdev bus type of a PCI Express bus (<c>pcie.0</c>, a root port's bus); it accepts PCI devices.</summary>
    public const string ExpressBusTypeName = "PCIE";

    // QEMU's string properties print an unset value as "" (get_string visits "").
    private static readonly StringCodec EmptyString = new("str", printable: true, nullText: "\"\"");

    /// <summary>The abstract <c>pci-device</c> type with the properties every PCI function has.</summary>
    public static readonly DeviceType BaseTypeInfo =
        DeviceType.Define<PciDevice>(TypeName, null)
            .Bus(BusTypeName)
            .Property(new CodecProperty<PciDevice, int>("addr", "Slot and optional function number, example: 06.0 or 06",
                PciDeviceAddrCodec.Instance, d => d._addr, (d, v) => d._addr = v, -1, true))
            .Property(new CodecProperty<PciDevice, string?>("romfile", null, EmptyString, d => d._romfile, (d, v) => d._romfile = v, null, false))
            .UInt32("romsize", d => ref d._romsize, uint.MaxValue)
            .UInt32("rombar", d => ref d._rombar, 1)
            .Bool("multifunction", d => ref d._multifunction, false, "on/off")
            .Bool("x-pcie-lnksta-dllla", d => ref d._lnkstaDllla, true, "on/off")
            .Bool("x-pcie-extcap-init", d => ref d._extcapInit, true, "on/off")
            .Property(new CodecProperty<PciDevice, string?>("failover_pair_id", null, EmptyString, d => d._failoverPairId, (d, v) => d._failoverPairId = v, null, false))
            .UInt32("acpi-index", d => ref d._acpiIndex)
            .Build();

    private int _addr = -1;
    private string? _romfile;
    private uint _romsize = uint.MaxValue;
    private uint _rombar = 1;
    private bool _multifunction;
    private bool _lnkstaDllla = true;
    private bool _extcapInit = true;
    private string? _failoverPairId;
    private uint _acpiIndex;

    protected PciDevice(bool isExpress = false, bool isBridge = false)
    {
        IsExpress = isExpress;
        IsBridge = isBridge;
        var size = isExpress ? PciConfig.ExpressConfigSpaceSize : PciConfig.ConfigSpaceSize;
        Config = new byte[size];
        Wmask = new byte[size];
        W1cmask = new byte[size];
        Cmask = new byte[size];
        Used = new byte[size];
        PciState = new PciDeviceState(this);
        InitDefaultMasks();
        Config[PciConfig.HeaderType] = isBridge ? PciConfig.HeaderTypeBridge : PciConfig.HeaderTypeNormal;
    }

    /// <summary>A PCI Express function: 4 KiB of config space.</summary>
    public bool IsExpress { get; }

    /// <summary>A type 1 (PCI-PCI bridge) header.</summary>
    public bool IsBridge { get; }

    /// <summary>Configuration space (little-endian).</summary>
    public byte[] Config { get; }

    /// <summary>Bits a config write may change.</summary>
    public byte[] Wmask { get; }

    /// <summary>Bits a config write of 1 clears.</summary>
    public byte[] W1cmask { get; }

    /// <summary>Bits checked on migration (QEMU's cmask).</summary>
    public byte[] Cmask { get; }

    /// <summary>Bytes claimed by capabilities.</summary>
    public byte[] Used { get; }

    /// <summary>Device and function number on its bus (slot &lt;&lt; 3 | function); -1 before it is plugged.</summary>
    public int Devfn { get; protected internal set; } = -1;

    /// <summary>Slot (device) number, 0-31.</summary>
    public int Slot => Devfn >> 3;

    /// <summary>Function number, 0-7.</summary>
    public int Function => Devfn & 7;

    /// <summary>The PCI bus the function is on, once realized.</summary>
    public PciBus? Bus { get; protected internal set; }

    /// <summary>The QEMU <c>pci_device</c> state (config bytes + INTx levels) to embed in the device's state description.</summary>
    public PciDeviceState PciState { get; }

    /// <summary>MSI state when the function has an MSI capability (owned by <see cref="Msi"/>).</summary>
    public MsiState? MsiState { get; set; }

    /// <summary>MSI-X state when the function has an MSI-X capability (owned by <see cref="Msix"/>).</summary>
    public MsixState? MsixState { get; set; }

    /// <summary>
    /// Sets the identity registers from the class (QEMU's PCIDeviceClass vendor_id/device_id/class_id/revision/
    /// subsystem ids). A type 0 function without a subsystem vendor gets QEMU's default 1af4:1100.
    /// </summary>
    protected void SetIdentity(ushort vendorId, ushort deviceId, ushort classId, byte revision = 0,
        ushort subsystemVendorId = 0, ushort subsystemId = 0)
    {
        SetWord(PciConfig.VendorId, vendorId);
        SetWord(PciConfig.DeviceId, deviceId);
        SetWord(PciConfig.ClassDevice, classId);
        Config[PciConfig.RevisionId] = revision;
        if (IsBridge)
        {
            return;
        }

        if (subsystemVendorId == 0)
        {
            subsystemVendorId = PciConfig.DefaultSubsystemVendorId;
            subsystemId = PciConfig.DefaultSubsystemId;
        }

        SetWord(PciConfig.SubsystemVendorId, subsystemVendorId);
        SetWord(PciConfig.SubsystemId, subsystemId);
    }

    /// <summary>
    /// Plugs the function into its bus (do_pci_register_device). Subclasses override and call this first,
    /// then register BARs and capabilities.
    /// </summary>
    protected override void OnRealize()
    {
        if (ParentBus is null)
        {
            // Created outside a device tree (state self-checks): an inert function with no slot.
            return;
        }

        if (ParentBus.Model is not PciBus bus)
        {
            throw new QdevException($"{Type.Name}: not on a PCI bus");
        }

        if (!string.IsNullOrEmpty(_romfile))
        {
            throw new QdevException($"{Type.Name}: option ROM files are not supported (romfile=\"{_romfile}\")");
        }

        var devfn = bus.AllocateDevfn(this, _addr, Type.Name);
        Devfn = devfn;
        _addr = devfn;
        Bus = bus;
        if (_multifunction)
        {
            Config[PciConfig.HeaderType] |= PciConfig.HeaderTypeMultiFunction;
        }

        bus.Plug(this);
        InitBusMaster(bus);
    }

    protected override void OnUnrealize()
    {
        if (Bus is { } bus)
        {
            bus.InterruptObserver?.DeviceRemoved(this);
            using (bus.MemorySystem?.Transaction() ?? default)
            {
                UnmapAllBars();
            }

            DestroyBusMaster();
            bus.Unplug(this);
            Bus = null;
        }
    }

    /// <summary>pci_do_device_reset. Subclasses that override call this too.</summary>
    protected override void OnReset() => DoDeviceReset();

    /// <summary>pcibus_dev_print: class, address, ids, then one line per registered region.</summary>
    protected override void PrintBusInfo(StringBuilder output, int indent)
    {
        var classId = GetWord(PciConfig.ClassDevice);
        var name = PciClassNames.Find(classId);
        output.Append(' ', indent).Append("class ").Append(name ?? $"Class {classId:x4}")
            .Append($", addr {Bus?.Number ?? 0:x2}:{Slot:x2}.{Function:x}")
            .Append($", pci id {GetWord(PciConfig.VendorId):x4}:{GetWord(PciConfig.DeviceId):x4}")
            .Append($" (sub {GetWord(PciConfig.SubsystemVendorId):x4}:{GetWord(PciConfig.SubsystemId):x4})\n");
        for (var i = 0; i < _bars.Length; i++)
        {
            if (_bars[i] is not { } bar)
            {
                continue;
            }

            output.Append(' ', indent).Append($"bar {i}: {(bar.IsIo ? "i/o" : "mem")} at 0x{bar.Address:x} [0x{bar.Address + bar.Size - 1:x}]\n");
        }
    }

    /// <summary>Starts a device type deriving from <c>pci-device</c> on a PCI bus (the common PCI properties are inherited).</summary>
    protected static DeviceTypeBuilder<TDevice> DefinePci<TDevice>(string name, Func<TDevice>? factory)
        where TDevice : PciDevice =>
        DeviceType.Define(name, factory).Parent(TypeName);
}
