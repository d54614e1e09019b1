// Implements (stub): QEMU 7.2 hw/virtio/virtio-mmio.c `virtio-mmio` with no backend plugged (virtio spec v1.1
// §4.2.2/§4.2.4 legacy): the 0x200-byte "virtio-mmio" region reads MagicValue 0x74726976 ("virt") at 0x000,
// Version 1 at 0x004 while force-legacy (QEMU 7.2's default; 2 otherwise), VendorID 0x554D4551 ("QEMU") at 0x00C
// and 0 everywhere else (DeviceID 0 = no device); every write is ignored (QEMU's no-backend case); one sysbus IRQ
// that stays low; the properties format_transport_address / force-legacy / ioeventfd and the child bus
// "virtio-mmio-bus.N" (type virtio-mmio-bus) for `info qtree`.
// Not modelled: any virtio device on the bus (virtio backends come with a later issue).
using Nemu.Core;
using Nemu.Core.State;
using Nemu.Memory;
using Nemu.Qdev;

namespace Nemu.Hw.Virtio;

/// <summary>QEMU's <c>virtio-mmio</c> transport, empty.</summary>
public sealed class VirtioMmio : SysBusDevice, IMemoryRegionOps
{
    public new const string TypeName = "virtio-mmio";
    public const string BusTypeName = "virtio-mmio-bus";

    /// <summary>"virt" in little-endian.</summary>
    public const uint MagicValue = 0x74726976;

    /// <summary>"QEMU" in little-endian.</summary>
    public const uint VendorId = 0x554d4551;

    public static readonly StateDescription<VirtioMmioState> Vmsd =
        StateDescription<VirtioMmioState>.Builder("virtio_mmio", 1, 1).Build();

    public static readonly DeviceType TypeInfo =
        DeviceType.Define(TypeName, () => new VirtioMmio())
            .Parent(SysBusDevice.TypeName)
            .Bool("format_transport_address", d => ref d._formatTransportAddress, true)
            .Bool("force-legacy", d => ref d._forceLegacy, true)
            .Bool("ioeventfd", d => ref d._ioeventfd)
            .Build();

    private bool _formatTransportAddress = true;
    private bool _forceLegacy = true;
    private bool _ioeventfd;

    private VirtioMmio()
    {
        InitMmio(MemoryRegion.CreateIo(TypeName, 0x200, this, this));
        InitIrq();
        InitState(Vmsd, new VirtioMmioState());
    }

    /// <summary>N of the child bus name "virtio-mmio-bus.N" (QEMU numbers buses of a type globally); set by the board.</summary>
    public int BusIndex { get; set; }

    public AccessConstraints Constraints => AccessConstraints.Default;

    public MemTxResult Read(ulong offset, uint size, MemTxAttrs attrs, out ulong value)
    {
        value = offset switch
        {
            0x000 => MagicValue,
            0x004 => _forceLegacy ? 1u : 2u,
            0x00c => VendorId,
            _ => 0,
        };
        return MemTxResult.Ok;
    }

    // Without a backend every register is write-ignored.
    public MemTxResult Write(ulong offset, ulong value, uint size, MemTxAttrs attrs) => MemTxResult.Ok;

    protected override void OnRealize() => CreateChildBus($"{BusTypeName}.{BusIndex}", BusTypeName);
}
