// Implements (stub): QEMU 7.2 hw/core/platform-bus.c `platform-bus-device` as the virt board creates it: num_irqs
// sysbus IRQs and an empty "platform bus" container region of mmio_size bytes that the board maps directly
// (dynamic sysbus devices such as vfio-platform would be placed inside it).
// Not modelled: dynamic sysbus device placement. QEMU gives it no vmstate; Nemu declares an empty section.
using Nemu.Core.State;
using Nemu.Memory;
using Nemu.Qdev;

namespace Nemu.Hw.Core;

/// <summary>QEMU's <c>platform-bus-device</c>, always empty.</summary>
public sealed class PlatformBusDevice : SysBusDevice
{
    public new const string TypeName = "platform-bus-device";

    public static readonly StateDescription<PlatformBusState> Vmsd =
        StateDescription<PlatformBusState>.Builder(TypeName, 1, 1).Build();

    public static readonly DeviceType TypeInfo =
        DeviceType.Define(TypeName, () => new PlatformBusDevice())
            .Parent(SysBusDevice.TypeName)
            .UInt32("num_irqs", d => ref d._numIrqs)
            .UInt32("mmio_size", d => ref d._mmioSize)
            .Build();

    private uint _numIrqs;
    private uint _mmioSize;

    private PlatformBusDevice()
    {
        InitState(Vmsd, new PlatformBusState());
    }

    /// <summary>The "platform bus" container (made at realize).</summary>
    public MemoryRegion? Region { get; private set; }

    protected override void OnRealize()
    {
        Region = MemoryRegion.CreateContainer("platform bus", _mmioSize, this);
        InitMmio(Region);
        for (var i = 0; i < _numIrqs; i++)
        {
            InitIrq();
        }
    }
}
